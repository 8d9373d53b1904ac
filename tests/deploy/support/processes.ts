import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

/** A TCP port on loopback that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface Running {
  child: ChildProcess;
  /** Everything it printed so far, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts a long-running command in its own process group, so stop() also
 * ends what it spawned (pnpm → node scripts/dev.mjs → emulator + next dev).
 */
export function start(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Running {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => resolve()),
  );
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // Already gone.
    }
  };
  return {
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      signal("SIGTERM");
      const timer = setTimeout(() => signal("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
      // Grandchildren may outlive the leader by a moment.
      signal("SIGKILL");
    },
  };
}

/** Runs a command to completion; resolves with its exit code and output. */
export function run(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<{ code: number | null; output: string }> {
  const running = start(command, args, options);
  return new Promise((resolve) => {
    running.child.once("exit", (code) =>
      resolve({ code, output: running.output() }),
    );
  });
}

/** Resolves once `url` answers at all; fails early if the process exits. */
export async function waitForHttp(
  url: string,
  running: Running,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (running.child.exitCode !== null) {
      throw new Error(`exited before ${url} answered:\n${running.output()}`);
    }
    try {
      await fetch(url, { signal: AbortSignal.timeout(30_000) });
      return;
    } catch {
      if (Date.now() > deadline) {
        throw new Error(
          `${url} did not answer within ${timeoutMs / 1000} s:\n${running.output()}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** The emulator's admin state, on any port. */
export async function emulatorState(emulatorUrl: string): Promise<{
  sessions: { model: string; state: string }[];
  tokens: { minted: number };
}> {
  const response = await fetch(`${emulatorUrl}/_emulator/state`);
  if (!response.ok) throw new Error(`emulator state: ${response.status}`);
  return response.json();
}

/** The claims of a JWT, unverified: enough to see what it was scoped to. */
export function jwtClaims(jwt: string): Record<string, unknown> {
  const payload = jwt.split(".")[1] ?? "";
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
}
