import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { build } from "esbuild";
import { benchPort } from "./ports.mjs";

/** Spawn a node process that prints "listening on" when ready. */
async function startListening(args, env = {}) {
  const port = await benchPort();
  const child = spawn(process.execPath, args(port), {
    env: { ...process.env, ...env(port) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise((resolve, reject) => {
    child.stdout.on(
      "data",
      (c) => String(c).includes("listening on") && resolve(),
    );
    child.once("exit", (code) =>
      reject(new Error(`${args(port).join(" ")} exited (${code})`)),
    );
  });
  child.stdout.resume();
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    stop: () => child.kill(),
  };
}

/** The local Reactor emulator, as one process (no tsx CLI wrapper), so its /proc figures are its own. */
export const startEmulator = () =>
  startListening(
    () => ["--import", "tsx", "emulator/main.ts"],
    (port) => ({ EMULATOR_PORT: String(port) }),
  );

/** scripts/bench/upstream-stub.mjs: POST /tokens only. */
export const startUpstreamStub = () =>
  startListening(
    (port) => ["scripts/bench/upstream-stub.mjs", String(port)],
    () => ({}),
  );

/** bench/bare-page.tsx bundled with esbuild and served on loopback. */
export async function startBarePage() {
  const result = await build({
    entryPoints: ["bench/bare-page.tsx"],
    bundle: true,
    minify: true,
    format: "esm",
    write: false,
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "error",
  });
  const js = result.outputFiles[0].contents;
  const port = await benchPort();
  const server = createServer((req, res) => {
    if (req.url === "/bare.js") {
      res.writeHead(200, { "Content-Type": "text/javascript" }).end(js);
    } else {
      res
        .writeHead(200, { "Content-Type": "text/html" })
        .end(
          '<!doctype html><div id="root"></div><script type="module" src="/bare.js"></script>',
        );
    }
  });
  await new Promise((r) => server.listen(port, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${port}/`, stop: () => server.close() };
}
