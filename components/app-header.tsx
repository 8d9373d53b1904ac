import type { PublicConfig } from "@/lib/public-config";

export function AppHeader({
  model,
  usingEmulator,
}: Pick<PublicConfig, "model" | "usingEmulator">) {
  return (
    <header className="mb-4 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-2">
      <h1 className="text-[1.4rem] font-bold">Reactor starter</h1>
      <p className="text-muted">
        Model <code>{model}</code>
        {usingEmulator && (
          <span className="ml-2 rounded-full border border-warn px-2 py-[0.1rem] text-fine text-warn">
            Local emulator
          </span>
        )}
      </p>
    </header>
  );
}
