import { existsSync, readdirSync } from "node:fs";
import type { DoctorIo } from "../io";
import { check, type CheckResult } from "../result";

const EMULATOR_STATE_TIMEOUT_MS = 2_000;

export interface EmulatorPortOutcome {
  result: CheckResult;
  /** Set when an emulator already answers on the port. */
  runningUrl?: string;
}

/**
 * `npm run dev` without a key starts the emulator on EMULATOR_PORT (8787):
 * the port must be free, or already hold an emulator.
 */
export async function checkEmulatorPort(
  port: number,
  io: DoctorIo,
  required: boolean,
): Promise<EmulatorPortOutcome> {
  const result = check("emulator-port", "Emulator port", required);
  const url = `http://127.0.0.1:${port}`;
  if (!(await io.portInUse(port))) {
    return {
      result: result.pass({
        detail: `port ${port} is free for the emulator (\`npm run dev\` without a key, \`npm run emulator\`, the e2e tests)`,
      }),
    };
  }
  try {
    const response = await fetch(`${url}/_emulator/state`, {
      signal: AbortSignal.timeout(EMULATOR_STATE_TIMEOUT_MS),
    });
    const body = (await response.json()) as { sessions?: unknown };
    if (response.ok && body && typeof body === "object" && "sessions" in body) {
      return {
        runningUrl: url,
        result: result.pass({
          detail: `an emulator is already running at ${url}`,
        }),
      };
    }
  } catch {
    // Not an emulator: reported below.
  }
  return {
    result: result.fail({
      detail: `port ${port} is taken by another program`,
      next: `Stop that program, or pick another port: EMULATOR_PORT=${port + 3} npm run dev`,
    }),
  };
}

/** The emulator streams pre-recorded clips; a clone without them shows no video. */
export function checkEmulatorFiles(
  clipsDir: URL = new URL("../../../emulator/clips/", import.meta.url),
): CheckResult {
  const result = check("emulator-files", "Emulator clips", true);
  const clips = existsSync(clipsDir)
    ? readdirSync(clipsDir).filter((name) => name.endsWith(".ivf"))
    : [];
  if (clips.length === 0) {
    return result.fail({
      detail: "emulator/clips/ has no .ivf test clips",
      next: "Restore them with `git checkout -- emulator/clips`, or regenerate with scripts/make-clips.sh (needs ffmpeg).",
    });
  }
  return result.pass({
    detail: `${clips.length} test clips in emulator/clips/`,
  });
}

export async function checkChromium(io: DoctorIo): Promise<CheckResult> {
  const result = check("chromium", "Chromium for the e2e tests", false);
  const path = await io.findChromium();
  if (path) return result.pass({ detail: path, data: { path } });
  return result.warn({
    detail:
      "no Chromium found; only `npm run test:e2e` and `npm run bench` need one",
    next: "Run `npx playwright install chromium`, or install Chromium and set CHROMIUM_PATH.",
  });
}
