import { inspect } from "node:util";
import { vi } from "vitest";
import { SERVER_ENV_VARIABLES } from "@/lib/server/env";

/**
 * Every variable the server reads stubbed empty, then `env` on top: what a
 * test sees never depends on the developer's shell or .env.local. VERCEL too,
 * since it switches proxy-header trust on. Undo with `vi.unstubAllEnvs()`.
 */
export function stubServerEnv(env: Record<string, string>) {
  for (const variable of [...SERVER_ENV_VARIABLES, "VERCEL"]) {
    vi.stubEnv(variable, "");
  }
  for (const [variable, value] of Object.entries(env)) {
    vi.stubEnv(variable, value);
  }
}

/**
 * Silences every console method until `vi.restoreAllMocks()`; returns a
 * reader of every line logged so far, as `inspect` renders the arguments.
 */
export function captureConsole(): () => string[] {
  const spies = (
    ["log", "info", "warn", "error", "debug", "trace"] as const
  ).map((method) =>
    vi.spyOn(console, method).mockImplementation(() => undefined),
  );
  return () =>
    spies.flatMap((spy) =>
      spy.mock.calls.map((args) => inspect(args, { depth: 10 })),
    );
}
