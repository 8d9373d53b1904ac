export const DEV_ONLY_DIRS: string[];
export function findDevOnlyTraces(options: {
  root: string;
  distDir?: string;
}): string[];
export function packageOf(path: string): string | undefined;
