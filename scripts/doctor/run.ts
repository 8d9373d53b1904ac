import { isLoopbackHost } from "@/lib/server/env";
import {
  checkConfig,
  EMULATOR_KEY,
  emulatorPort,
  DEFAULT_EMULATOR_PORT,
  type Env,
} from "./checks/config";
import {
  checkChromium,
  checkEmulatorFiles,
  checkEmulatorPort,
} from "./checks/local-setup";
import { checkClaims, checkMint, type MintOutcome } from "./checks/mint";
import { checkClock, checkDns, checkHttp, checkTls } from "./checks/network";
import { checkNodeVersion } from "./checks/node-version";
import { nodeIo, type DoctorIo } from "./io";
import { runLive } from "./live";
import { Secrets } from "./redact";
import {
  printer,
  renderCheck,
  renderJson,
  renderSummary,
  type Report,
} from "./render";
import { check, failed, type CheckResult } from "./result";

export interface DoctorOptions {
  /** process.env after .env files were loaded (scripts/doctor.ts). */
  env: Env;
  /** The .env files that were loaded, for the report (names only, never contents). */
  envFiles?: string[];
  live?: boolean;
  /** Skip the live check's confirmation. */
  yes?: boolean;
  json?: boolean;
  /** Seconds the live check counts video packets. */
  seconds?: number;
  colour?: boolean;
  io?: DoctorIo;
  /** stdout; everything passes the secret filter first. */
  write(text: string): void;
  /** Progress while the live check runs; stderr in JSON mode. */
  progress?(text: string): void;
  /** Asks the user; resolves false when nobody can answer (not a terminal). */
  confirm?(question: string): Promise<boolean>;
}

/** Runs every check, prints the report, and resolves to the exit code: 0 only when every required check passed. */
export async function runDoctor(options: DoctorOptions): Promise<number> {
  const { env, json = false, colour = false, io = nodeIo } = options;
  const secrets = new Secrets();
  secrets.add(env.REACTOR_API_KEY, "REACTOR_API_KEY");
  const out = printer(secrets, options.write);
  const progress = printer(secrets, options.progress ?? options.write);
  const checks: CheckResult[] = [];
  const add = (result: CheckResult) => {
    checks.push(result);
    if (!json) out(renderCheck(result, colour));
  };
  const keepToken = (mint: MintOutcome) => {
    secrets.add(mint.jwt, "token");
    add(mint.result);
    add(checkClaims(mint.jwt));
    return mint.jwt;
  };

  add(checkNodeVersion());
  add(
    check("env-files", "Environment files", false).info({
      detail: options.envFiles?.length
        ? `loaded ${options.envFiles.join(", ")} (as \`next dev\` does; the shell's variables win)`
        : "no .env files found; using the shell's variables only",
    }),
  );

  const configured = checkConfig(env);
  add(configured.result);
  let live: { apiUrl: string; model: string; jwt: string } | undefined;

  if (configured.mode === "key") {
    const config = configured.config;
    if (!config) {
      for (const [id, title] of [
        ["http", "HTTP reachability"],
        ["mint", "Token mint with your key"],
      ] as const) {
        add(check(id, title, true).skip("fix the configuration first"));
      }
    } else {
      add(await checkDns(config.apiUrl, io));
      add(await checkTls(config.apiUrl, io));
      const http = await checkHttp(config.apiUrl, io);
      add(http.result);
      if (http.result.status === "pass") {
        add(checkClock(http.clock));
        const jwt = keepToken(await checkMint(config));
        if (jwt) live = { apiUrl: config.apiUrl, model: config.model, jwt };
      } else {
        add(
          check("mint", "Token mint with your key", true).skip(
            "the API is unreachable",
          ),
        );
      }
    }
    const port = emulatorPort(env) ?? DEFAULT_EMULATOR_PORT;
    add((await checkEmulatorPort(port, io, false)).result);
  } else {
    add(checkEmulatorFiles());
    const port = await checkEmulatorPort(configured.emulatorPort, io, true);
    add(port.result);
    if (port.runningUrl && configured.config) {
      const config = {
        ...configured.config,
        apiKey: EMULATOR_KEY,
        apiUrl: port.runningUrl,
      };
      const jwt = keepToken(await checkMint(config));
      if (jwt) live = { apiUrl: config.apiUrl, model: config.model, jwt };
    }
  }

  add(await checkChromium(io));

  if (options.live) {
    const liveCheck = check("live", "Live session", true);
    if (failed(checks).length > 0) {
      add(liveCheck.skip("fix the failures above first"));
    } else if (!live) {
      add(
        liveCheck.fail({
          detail:
            "no key and no emulator running: nothing to start a session on",
          next: "Add REACTOR_API_KEY to .env.local, or start the emulator (`npm run emulator`) in another terminal, then run this again.",
        }),
      );
    } else if (
      !isLoopbackHost(new URL(live.apiUrl).hostname) &&
      !options.yes &&
      !(await (options.confirm ?? (async () => false))(
        `The live check starts a real session of ${live.model} on your Reactor account for about ${(options.seconds ?? 5) + 5} s, billed per second. Continue? [y/N] `,
      ))
    ) {
      add(
        liveCheck.fail({
          detail: "not confirmed, so no session was started",
          next: "Answer y, or pass --yes: `npm run doctor -- --live --yes`.",
        }),
      );
    } else {
      if (!json) out(`\nLive session with ${live.model} at ${live.apiUrl}:`);
      await runLive({
        ...live,
        seconds: options.seconds ?? 5,
        progress,
        record: add,
      });
    }
  }

  const report: Report = {
    ok: failed(checks).length === 0,
    mode: configured.mode,
    checks,
  };
  out(json ? renderJson(report) : `\n${renderSummary(report, colour)}`);
  return report.ok ? 0 : 1;
}
