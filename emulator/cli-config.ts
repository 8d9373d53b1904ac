import type { EmulatorOptions } from "./options";
import { parsePartialScenario } from "./scenario";

// Environment of `npm run emulator` (see main.ts), parsed in one place so a
// typo fails at start with a message instead of silently using a default.
//   EMULATOR_PORT      default 8787 (0 = any free port)
//   EMULATOR_HOST      default 127.0.0.1 — keep it on loopback: admin endpoints have no auth
//   EMULATOR_SCENARIO  JSON, same fields as PUT /_emulator/scenario, e.g. {"gpuDelayMs":3000}
//   EMULATOR_API_KEYS  comma-separated keys POST /tokens accepts (default: any rk_… key)

export function readCliConfig(
  env: Record<string, string | undefined>,
): EmulatorOptions & { port: number; host: string } {
  return {
    port: readPort(env.EMULATOR_PORT),
    host: env.EMULATOR_HOST || "127.0.0.1",
    scenario: readScenario(env.EMULATOR_SCENARIO),
    apiKeys: (env.EMULATOR_API_KEYS ?? "")
      .split(",")
      .map((key) => key.trim())
      .filter(Boolean),
  };
}

function readPort(value: string | undefined): number {
  if (value === undefined || value === "") return 8787;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`EMULATOR_PORT must be an integer 0-65535, got "${value}"`);
  }
  return port;
}

function readScenario(value: string | undefined) {
  if (!value) return {};
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    throw new Error(`EMULATOR_SCENARIO is not JSON: ${value}`);
  }
  try {
    return parsePartialScenario(json);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`EMULATOR_SCENARIO: ${message}`);
  }
}
