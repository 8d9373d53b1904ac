import { spawn } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");

/**
 * `next start` on loopback for scripts that measure a production build (this
 * app's, or with `dir` another app's built with the same Next).
 * Resolves once the server answers; `stop()` ends it.
 */
export async function startNext({ port, env, dir }) {
  const child = spawn(
    process.execPath,
    [
      nextBin,
      "start",
      ...(dir ? [dir] : []),
      "-H",
      "127.0.0.1",
      "-p",
      String(port),
    ],
    { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout.on("data", (c) => (output += c));
  child.stderr.on("data", (c) => (output += c));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`next start exited early:\n${output}`);
    }
    try {
      await fetch(url);
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill();
        throw new Error(`next start did not answer within 30 s:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return {
    url,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
