/**
 * Versions for the diagnostics report, inlined at build time by next.config.ts
 * (the SDK's package.json is not importable: its `exports` omit it).
 */
export const APP_VERSION = process.env.NEXT_PUBLIC_APP_VERSION ?? "unknown";
export const SDK_VERSION =
  process.env.NEXT_PUBLIC_REACTOR_SDK_VERSION ?? "unknown";
