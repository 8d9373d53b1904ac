// `npm run dev`: with a REACTOR_API_KEY (environment or .env.local) this is
// plain `next dev` against the real Reactor. Without one it also starts the
// local emulator and points the app at it, so a fresh clone streams with no
// key and no GPU. Only development does this: `next start` without a key
// shows the setup screen, never a silent emulator.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { once } from "node:events";
import { existsSync, readFileSync } from "node:fs";
import nextEnv from "@next/env";

const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");
const tsxCli = require.resolve("tsx/cli");

nextEnv.loadEnvConfig(process.cwd(), true, { info() {}, error: console.error });

const children = [];
function run(file, args, env) {
  const child = spawn(process.execPath, [file, ...args], {
    env: { ...process.env, ...env },
    stdio: ["inherit", "pipe", "inherit"],
  });
  children.push(child);
  child.on("exit", (code) => shutdown(code ?? 0));
  return child;
}

let stopping = false;
function shutdown(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill("SIGTERM");
  process.exitCode = code;
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

const nextArgs = ["dev", ...process.argv.slice(2)];
// .env.example's placeholder, copied as-is, counts as "no key yet". Read from
// the file so it is stated once (lib/server/env.ts checks it the same way).
const PLACEHOLDER = existsSync(".env.example")
  ? readFileSync(".env.example", "utf8").match(/^REACTOR_API_KEY=(.*)$/m)?.[1]
  : undefined;
const key = process.env.REACTOR_API_KEY?.trim();

if (key && key !== PLACEHOLDER) {
  run(nextBin, nextArgs).stdout.pipe(process.stdout);
} else {
  const port = process.env.EMULATOR_PORT || "8787";
  const emulator = run(tsxCli, ["emulator/main.ts"], { EMULATOR_PORT: port });
  emulator.stdout.pipe(process.stdout);

  // Start Next only once the emulator is listening, so the first token
  // request cannot race it.
  const ready = new Promise((resolve) => {
    emulator.stdout.on("data", (chunk) => {
      if (String(chunk).includes("listening on")) resolve();
    });
  });
  await Promise.race([ready, once(emulator, "exit")]);
  if (stopping) {
    console.error(
      `\nThe local emulator did not start. If port ${port} is taken, run with EMULATOR_PORT=<free port>.`,
    );
  } else {
    console.log(
      "\nNo REACTOR_API_KEY found: streaming from the LOCAL EMULATOR (test video, no GPU).\n" +
        "Put a key in .env.local to use the real Reactor.\n",
    );
    run(nextBin, nextArgs, {
      REACTOR_API_URL: `http://127.0.0.1:${port}`,
      REACTOR_API_KEY: "rk_local_emulator",
    }).stdout.pipe(process.stdout);
  }
}
