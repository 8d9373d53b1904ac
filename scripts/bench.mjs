// `npm run bench` (after `npm run build`; runs under tsx to share the e2e
// suite's Chromium launch options): on loopback, against the local
// emulator, measures
//   1. click-to-first-frame and the SDK's connectionTimings.totalMs for our
//      page and for a bare page (only ReactorProvider/ReactorView with a
//      pre-fetched token: the floor our UI adds to), median of RUNS each;
//   2. the emulator's CPU and memory with 1 and 4 concurrent streams.
// It prints figures; it asserts nothing, so a busy machine cannot flake CI.
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import { build } from "esbuild";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../tests/e2e/support/chromium.ts";
import { freePort } from "./lib/free-port.mjs";
import { startNext } from "./lib/start-next.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SETTLE_MS = 500;
// The test pattern streams at once; reactor/helios stays dark until `start`.
const MODEL = "acme/test-pattern";
const KEY = "rk_bench";

if (!existsSync(".next/BUILD_ID")) {
  console.error("No production build found. Run `npm run build` first.");
  process.exit(1);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (xs) =>
  `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}, n=${xs.length})`;

// --- servers -------------------------------------------------------------

async function startEmulator() {
  const port = await freePort();
  // One process (no tsx CLI wrapper), so its /proc figures are the emulator's.
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "emulator/main.ts"],
    {
      env: { ...process.env, EMULATOR_PORT: String(port) },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  await new Promise((resolve, reject) => {
    child.stdout.on(
      "data",
      (c) => String(c).includes("listening on") && resolve(),
    );
    child.once("exit", () => reject(new Error("emulator exited")));
  });
  child.stdout.resume();
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    stop: () => child.kill(),
  };
}

async function startBarePage() {
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
  const port = await freePort();
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

async function mint(emulatorUrl) {
  const res = await fetch(`${emulatorUrl}/tokens`, {
    method: "POST",
    headers: { "Reactor-API-Key": KEY, "Content-Type": "application/json" },
    body: JSON.stringify({ expires_after: 3600 }),
  });
  return (await res.json()).jwt;
}

const resetEmulator = (url) =>
  fetch(`${url}/_emulator/reset`, { method: "POST" });

// --- one measured run ------------------------------------------------------

// Installed before the click: the click's timestamp, then the presentation
// time of the first video frame (requestVideoFrameCallback), same clock.
const INSTRUMENT = () => {
  window.__clickAt = undefined;
  document.addEventListener(
    "click",
    () => (window.__clickAt ??= performance.now()),
    {
      capture: true,
    },
  );
  window.__firstFrame = new Promise((resolve) => {
    const poll = () => {
      const video = document.querySelector(".stage video");
      if (video?.srcObject)
        video.requestVideoFrameCallback((now) => resolve(now));
      else requestAnimationFrame(poll);
    };
    poll();
  });
};

async function measure(browser, { url, init, ready }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (init) await page.addInitScript(init);
  await page.goto(url);
  await ready(page);
  // Same idle time on both pages before the click, so neither is measured
  // while still settling from its own load.
  await page.waitForTimeout(SETTLE_MS);
  await page.evaluate(INSTRUMENT);
  await page.getByRole("button", { name: "Connect" }).click();
  const firstFrameMs = await page.evaluate(
    async () => (await window.__firstFrame) - window.__clickAt,
  );
  const totalMs = Number(
    await page
      .locator(".stats[data-total-ms]")
      .getAttribute("data-total-ms", { timeout: 10_000 }),
  );
  await context.close();
  return { firstFrameMs, totalMs };
}

// --- emulator resources ----------------------------------------------------

const TICKS_PER_SECOND = 100; // USER_HZ on Linux
function cpuTicks(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8")
    .split(") ")[1]
    .split(" ");
  return Number(fields[11]) + Number(fields[12]); // utime + stime
}
const rssMb = (pid) =>
  Number(
    /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))[1],
  ) / 1024;

async function sampleEmulator(pid, seconds = 10) {
  const t0 = cpuTicks(pid);
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const cpu = ((cpuTicks(pid) - t0) / TICKS_PER_SECOND / seconds) * 100;
  return { cpu, rss: rssMb(pid) };
}

// --- main ------------------------------------------------------------------

const emulator = await startEmulator();
const bare = await startBarePage();
const app = await startNext({
  port: await freePort(),
  env: {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    REACTOR_API_KEY: KEY,
    REACTOR_API_URL: emulator.url,
    REACTOR_MODEL: MODEL,
    TOKEN_RATE_LIMIT_PER_MINUTE: "1000",
    TOKEN_RATE_LIMIT_GLOBAL_PER_MINUTE: "1000",
  },
});

const browser = await chromium.launch(chromiumLaunchOptions());

try {
  const ours = {
    url: app.url,
    ready: async (page) => {
      // The app mints its token on mount; wait for it so both pages start the
      // click with a token in hand, as the bare page does.
      await page.waitForResponse((r) => r.url().endsWith("/api/token"));
      await page.getByRole("button", { name: "Connect" }).waitFor();
      await page.waitForFunction(
        () => !document.querySelector("button[disabled]"),
      );
    },
  };
  const floor = async () => {
    const token = await mint(emulator.url);
    return {
      url: bare.url,
      init: `window.BENCH = ${JSON.stringify({ token, apiUrl: emulator.url, model: MODEL })}`,
      ready: (page) => page.getByRole("button", { name: "Connect" }).waitFor(),
    };
  };

  const results = { ours: [], bare: [] };
  // Warm both (first Next render, JIT, emulator clip cache), then alternate
  // so drift on a shared machine hits both equally.
  await resetEmulator(emulator.url);
  await measure(browser, ours);
  await resetEmulator(emulator.url);
  await measure(browser, await floor());
  for (let i = 0; i < RUNS; i++) {
    await resetEmulator(emulator.url);
    results.ours.push(await measure(browser, ours));
    await resetEmulator(emulator.url);
    results.bare.push(await measure(browser, await floor()));
  }

  const ff = (k) => results[k].map((r) => r.firstFrameMs);
  const tt = (k) => results[k].map((r) => r.totalMs);
  console.log(`Click to first frame (loopback, ${RUNS} runs each):`);
  console.log(`  our page   ${fmt(ff("ours"))}`);
  console.log(`  bare page  ${fmt(ff("bare"))}`);
  console.log(`SDK connectionTimings.totalMs (connect() to ready):`);
  console.log(`  our page   ${fmt(tt("ours"))}`);
  console.log(`  bare page  ${fmt(tt("bare"))}`);
  const overhead = (median(ff("ours")) / median(ff("bare")) - 1) * 100;
  console.log(
    `Our page vs bare page, click to first frame: ${overhead >= 0 ? "+" : ""}${overhead.toFixed(1)}% (target: within 10%)`,
  );

  // Emulator cost: N bare pages streaming at once.
  console.log("Emulator process, 10 s samples:");
  await resetEmulator(emulator.url);
  const idle = await sampleEmulator(emulator.pid, 5);
  console.log(
    `  idle       CPU ${idle.cpu.toFixed(1)}% of one core, RSS ${idle.rss.toFixed(0)} MB`,
  );
  for (const streams of [1, 4]) {
    await resetEmulator(emulator.url);
    const contexts = [];
    for (let i = 0; i < streams; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const target = await floor();
      await page.addInitScript(target.init);
      await page.goto(target.url);
      await page.getByRole("button", { name: "Connect" }).click();
      await page.getByRole("status").filter({ hasText: "ready" }).waitFor();
      contexts.push(context);
    }
    const { cpu, rss } = await sampleEmulator(emulator.pid);
    console.log(
      `  ${streams} stream${streams > 1 ? "s" : " "}  CPU ${cpu.toFixed(1)}% of one core, RSS ${rss.toFixed(0)} MB`,
    );
    for (const context of contexts) await context.close();
  }
} finally {
  await browser.close();
  await app.stop();
  bare.stop();
  emulator.stop();
}
