import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { createRequire } from "node:module";
import { createServer as createTcpServer } from "node:net";
import { once } from "node:events";

/*
 * Real processes on loopback for the integration tests: redis-server, a
 * stand-in for Reactor's POST /tokens, and `next start` on the production
 * build. Nothing here reaches beyond 127.0.0.1.
 */

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

/** A TCP port on loopback that nothing is listening on right now. */
export async function freePort(): Promise<number> {
  const server = createTcpServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, "close");
  return port;
}

export function assertPrerequisites(): void {
  if (!existsSync(".next/BUILD_ID")) {
    throw new Error(
      "No production build: run `npm run build` before `npm run test:integration`.",
    );
  }
  if (spawnSync("redis-server", ["--version"]).status !== 0) {
    throw new Error(
      "redis-server is not installed: on Debian/Ubuntu run `apt-get install redis-server` (macOS: `brew install redis`).",
    );
  }
}

export interface RedisProcess {
  url: string;
  /** SIGKILL, as an outage would: no goodbye to the clients. */
  kill(): Promise<void>;
  /** A fresh, empty server on the same port and password. */
  restart(): Promise<void>;
}

export async function startRedis(password: string): Promise<RedisProcess> {
  const port = await freePort();
  let child = await spawnRedis(port, password);
  return {
    url: `redis://:${password}@127.0.0.1:${port}`,
    kill: () => stop(child, "SIGKILL"),
    restart: async () => {
      await stop(child, "SIGKILL");
      child = await spawnRedis(port, password);
    },
  };
}

async function spawnRedis(
  port: number,
  password: string,
): Promise<ChildProcess> {
  const child = spawn(
    "redis-server",
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--requirepass",
      password,
      "--save",
      "",
      "--appendonly",
      "no",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  await waitForOutput(child, /Ready to accept connections/, 10_000);
  return child;
}

export interface FakeReactor {
  url: string;
  /** POST /tokens answered so far: the spend the limits protect. */
  mints(): number;
  close(): Promise<void>;
}

export async function startFakeReactor(): Promise<FakeReactor> {
  let mints = 0;
  const server = createHttpServer((request, response) => {
    if (request.method === "POST" && request.url === "/tokens") {
      mints += 1;
      response.setHeader("content-type", "application/json");
      response.end(
        JSON.stringify({
          jwt: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJpbnRlZ3JhdGlvbiJ9.c2ln",
          expires_at: Math.floor(Date.now() / 1000) + 3600,
        }),
      );
      return;
    }
    response.statusCode = 404;
    response.end();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    mints: () => mints,
    close: async () => {
      server.close();
      await once(server, "close");
    },
  };
}

export interface NextInstance {
  url: string;
  /** Everything the server printed so far. */
  log(): string;
  stop(): Promise<void>;
}

export async function startNext(
  env: Record<string, string>,
): Promise<NextInstance> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [nextBin, "start", "-H", "127.0.0.1", "-p", String(port)],
    {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let log = "";
  child.stdout!.on("data", (chunk) => (log += chunk));
  child.stderr!.on("data", (chunk) => (log += chunk));
  await waitForOutput(child, /Ready in/, 60_000);
  return {
    url: `http://127.0.0.1:${port}`,
    log: () => log,
    stop: () => stop(child, "SIGTERM"),
  };
}

function waitForOutput(
  child: ChildProcess,
  pattern: RegExp,
  timeoutMs: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (pattern.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ${pattern}:\n${output}`));
    });
  });
}

async function stop(
  child: ChildProcess,
  signal: NodeJS.Signals,
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill(signal);
  await exited;
}
