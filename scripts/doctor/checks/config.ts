import {
  API_KEY_PLACEHOLDER,
  readServerConfig,
  type ServerConfig,
} from "@/lib/server/env";
import { check, type CheckResult } from "../result";

export type Env = Record<string, string | undefined>;

/** The emulator `npm run dev` starts when there is no key (scripts/dev.mjs). */
export const DEFAULT_EMULATOR_PORT = 8787;
/** What scripts/dev.mjs hands the app in emulator mode; any rk_ key works there. */
export const EMULATOR_KEY = "rk_local_emulator";

export type ConfigOutcome =
  | { mode: "key"; result: CheckResult; config?: ServerConfig }
  | {
      mode: "emulator";
      result: CheckResult;
      config?: ServerConfig;
      emulatorPort: number;
    };

/** True when `npm run dev` would start the emulator instead of using a key. */
export function hasNoKey(env: Env): boolean {
  const key = env.REACTOR_API_KEY?.trim();
  return !key || key === API_KEY_PLACEHOLDER;
}

export function emulatorPort(env: Env): number | undefined {
  const raw = env.EMULATOR_PORT?.trim();
  if (!raw) return DEFAULT_EMULATOR_PORT;
  const port = Number(raw);
  return Number.isInteger(port) && port > 0 && port < 65_536 ? port : undefined;
}

/**
 * The configuration through the very schema the server uses
 * (lib/server/env.ts), so the doctor and the app cannot disagree.
 */
export function checkConfig(env: Env): ConfigOutcome {
  if (hasNoKey(env)) return checkEmulatorConfig(env);

  const result = check("config", "Configuration (.env.local)", true);
  const parsed = readServerConfig(env);
  if (!parsed.ok) {
    return {
      mode: "key",
      result: result.fail({
        detail: parsed.issues.map((issue) => issue.message).join("\n"),
        next: "Fix the variables above in .env.local (see .env.example), then run `npm run doctor` again.",
        data: { variables: parsed.issues.map((issue) => issue.variable) },
      }),
    };
  }
  const { config } = parsed;
  return {
    mode: "key",
    config,
    result: result.pass({
      detail: `model ${config.model}, API ${config.apiUrl}${config.usingEmulator ? " (loopback: a local emulator)" : ""}, tokens last ${config.tokenLifetimeSeconds} s for up to ${config.tokenMaxSessions} sessions`,
      data: {
        model: config.model,
        apiUrl: config.apiUrl,
        usingEmulator: config.usingEmulator,
      },
    }),
  };
}

/** No key: `npm run dev` streams from the emulator; check what that needs. */
function checkEmulatorConfig(env: Env): ConfigOutcome {
  const result = check("config", "Configuration (.env.local)", true);
  const port = emulatorPort(env);
  if (port === undefined) {
    return {
      mode: "emulator",
      emulatorPort: DEFAULT_EMULATOR_PORT,
      result: result.fail({
        detail: `EMULATOR_PORT must be a port number (got ${JSON.stringify(env.EMULATOR_PORT)}).`,
        next: "Set EMULATOR_PORT to a free port such as 8790, or remove it for 8787.",
      }),
    };
  }
  // The same substitution scripts/dev.mjs makes, so every other variable is
  // checked exactly as the app will read it.
  const parsed = readServerConfig({
    ...env,
    REACTOR_API_KEY: EMULATOR_KEY,
    REACTOR_API_URL: `http://127.0.0.1:${port}`,
  });
  if (!parsed.ok) {
    return {
      mode: "emulator",
      emulatorPort: port,
      result: result.fail({
        detail: parsed.issues.map((issue) => issue.message).join("\n"),
        next: "Fix the variables above in .env.local (see .env.example), then run `npm run doctor` again.",
      }),
    };
  }
  const placeholder = env.REACTOR_API_KEY?.trim() === API_KEY_PLACEHOLDER;
  return {
    mode: "emulator",
    emulatorPort: port,
    config: parsed.config,
    result: result.pass({
      detail: `no REACTOR_API_KEY${placeholder ? " (still the .env.example placeholder)" : ""}: \`npm run dev\` streams ${parsed.config.model} from the local emulator on port ${port}. Add your key to .env.local to use Reactor, then run \`npm run doctor\` again to check it.`,
      data: { model: parsed.config.model, emulatorPort: port },
    }),
  };
}
