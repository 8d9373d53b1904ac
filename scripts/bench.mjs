// `npm run bench` (after `npm run build`): one report, every figure next to
// its target with PASS or MISS. All on loopback; nothing calls Reactor.
//   1. GET /api/token vs a minimal Next route doing the same mint
//      (scripts/bench/route.mjs, next-baseline.mjs), same stub upstream;
//   2. Lighthouse mobile, our `/` vs a blank Next page (lighthouse.mjs);
//   3. click to first frame, our page vs the bare SDK page, against the
//      local emulator (first-frame.mjs);
//   4. the emulator's CPU and memory with 1 and 4 streams (emulator-load.mjs;
//      Linux only).
// It exits 0 whatever the figures: a busy machine must not fail CI, and the
// load average printed with the report says how busy this one was.
// BENCH_RUNS, BENCH_LIGHTHOUSE_RUNS, BENCH_ROUTE_ROUNDS, BENCH_ROUTE_SECONDS
// lower the counts; BENCH_ONLY=route,lighthouse,first-frame,emulator picks sections.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg } from "node:os";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "./lib/chromium.mjs";
import { benchPort } from "./bench/ports.mjs";
import { startNext } from "./lib/start-next.mjs";
import { BENCH_KEY, MODEL, benchFirstFrame } from "./bench/first-frame.mjs";
import {
  SAMPLE_SECONDS,
  benchEmulatorLoad,
  canSample,
} from "./bench/emulator-load.mjs";
import { benchLighthouse } from "./bench/lighthouse.mjs";
import { buildBaseline } from "./bench/next-baseline.mjs";
import { benchRoute } from "./bench/route.mjs";
import {
  startBarePage,
  startEmulator,
  startUpstreamStub,
} from "./bench/servers.mjs";
import { median, summary } from "./bench/stats.mjs";

const require = createRequire(import.meta.url);
const version = (name) => require(`${name}/package.json`).version;

const SECTIONS = ["route", "lighthouse", "first-frame", "emulator"];
const only = (process.env.BENCH_ONLY ?? "").split(",").filter(Boolean);
for (const name of only) {
  if (!SECTIONS.includes(name)) {
    console.error(
      `BENCH_ONLY: unknown section "${name}"; use ${SECTIONS.join(", ")}.`,
    );
    process.exit(1);
  }
}
const wants = (name) => only.length === 0 || only.includes(name);

if (!existsSync(".next/BUILD_ID")) {
  console.error("No production build found. Run `npm run build` first.");
  process.exit(1);
}

const appEnv = (apiUrl) => ({
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  REACTOR_API_KEY: BENCH_KEY,
  REACTOR_API_URL: apiUrl,
  REACTOR_MODEL: MODEL,
  // One client sends thousands of requests a minute here: limits off (0).
  TOKEN_RATE_LIMIT_PER_MINUTE: "0",
  TOKEN_RATE_LIMIT_GLOBAL_PER_MINUTE: "0",
});

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(", ");
/** "+2", "-1.5"; with `digits`, rounded to that many decimals first. */
const signed = (x, digits) =>
  `${x >= 0 ? "+" : ""}${digits === undefined ? x : x.toFixed(digits)}`;
const pct = (x) => `${signed(x, 1)}%`;
const verdicts = [];
const failures = [];
/** Runs one section; a failure is reported and the other sections still run. */
async function section(name, body) {
  try {
    await body();
  } catch (error) {
    failures.push(name);
    console.log(`${name}: FAILED (${error.message.split("\n")[0]})\n`);
  }
}
/** One figure under a section heading, labels aligned. */
const row = (label, text) => console.log(`  ${label.padEnd(28)}${text}`);

function target(label, figure, goal, pass) {
  verdicts.push(pass);
  row(
    label,
    `${figure.padEnd(14)}target ${goal.padEnd(22)}${pass ? "PASS" : "MISS"}`,
  );
}

console.log(
  `npm run bench: ${new Date().toISOString()}, Node ${process.version}, ${cpus().length} CPUs, load average ${load()} (1, 5, 15 min)`,
);
console.log(
  "Figures from a busy machine are not comparable with a quiet one's; compare the two sides of each line.\n",
);

const stops = [];
try {
  if (wants("route") || wants("lighthouse")) {
    const upstream = await startUpstreamStub();
    stops.push(upstream.stop);
    const baselineDir = await buildBaseline();
    const ours = await startNext({
      port: await benchPort(),
      env: appEnv(upstream.url),
    });
    stops.push(ours.stop);
    const baseline = await startNext({
      dir: baselineDir,
      port: await benchPort(),
      env: appEnv(upstream.url),
    });
    stops.push(baseline.stop);

    if (wants("route"))
      await section("Token route", async () => {
        const r = await benchRoute({
          oursUrl: ours.url,
          baselineUrl: baseline.url,
        });
        console.log(
          `GET /api/token, autocannon ${version("autocannon")}, ${r.connections} connections, ${r.pairs} pair${r.pairs > 1 ? "s" : ""} of ${r.seconds} s rounds (sides back to back, order alternating), same stub upstream:`,
        );
        const line = (name, f) =>
          row(name, `median ${f.rps.toFixed(0)} req/s, p50 ${f.p50} ms`);
        line("our route", r.ours);
        line("minimal Next route", r.baseline);
        const { share, p50Gap } = r;
        target(
          "throughput vs minimal",
          `${share.median.toFixed(0)}%`,
          "≥ 90%",
          share.median >= 90,
        );
        target(
          "p50 vs minimal",
          `${signed(p50Gap.median)} ms`,
          "≤ +2 ms",
          p50Gap.median <= 2,
        );
        console.log(
          `  per pair: throughput ${share.min.toFixed(0)}–${share.max.toFixed(0)}%, p50 ${signed(p50Gap.min)} to ${signed(p50Gap.max)} ms (the verdicts use the medians)`,
        );
        console.log(`  load average now: ${load()}\n`);
      });

    if (wants("lighthouse"))
      await section("Lighthouse", async () => {
        const l = await benchLighthouse({
          oursUrl: ours.url,
          blankUrl: baseline.url,
        });
        console.log(
          `Lighthouse ${version("lighthouse")}, mobile (simulated throttling), median of ${l.runs} run${l.runs > 1 ? "s" : ""} per side:`,
        );
        const line = (name, f) =>
          row(
            name,
            `score ${f.score.toFixed(0)}, TBT ${f.tbt.toFixed(0)} ms, LCP ${(f.lcp / 1000).toFixed(2)} s, ${f.kb.toFixed(0)} KB`,
          );
        line("our /", l.ours);
        line("blank Next page", l.blank);
        const points = l.blank.score - l.ours.score;
        target(
          "score vs blank",
          `${points > 0 ? "-" : "+"}${Math.abs(points).toFixed(0)} points`,
          "within 3 points",
          points <= 3,
        );
        const ratio = l.ours.tbt / Math.max(l.blank.tbt, 1);
        target("TBT vs blank", `${ratio.toFixed(2)}×`, "≤ 1.5×", ratio <= 1.5);
        console.log(`  load average now: ${load()}\n`);
      });
    for (const stop of stops.splice(0)) await stop();
  }

  if (wants("first-frame") || wants("emulator")) {
    const emulator = await startEmulator();
    stops.push(emulator.stop);
    const bare = await startBarePage();
    stops.push(bare.stop);
    const browser = await chromium.launch(chromiumLaunchOptions());
    stops.push(() => browser.close());

    if (wants("first-frame"))
      await section("Click to first frame", async () => {
        const app = await startNext({
          port: await benchPort(),
          env: appEnv(emulator.url),
        });
        stops.push(app.stop);
        const f = await benchFirstFrame({
          browser,
          appUrl: app.url,
          bareUrl: bare.url,
          emulatorUrl: emulator.url,
        });
        console.log(
          `Click to first frame, local emulator, ${f.runs} runs each:`,
        );
        row("our page", summary(f.ours.firstFrameMs));
        row("bare SDK page", summary(f.bare.firstFrameMs));
        const over =
          (median(f.ours.firstFrameMs) / median(f.bare.firstFrameMs) - 1) * 100;
        target("ours vs bare", pct(over), "within 5%", over <= 5);
        console.log(`SDK connectionTimings.totalMs (connect() to ready):`);
        row("our page", summary(f.ours.totalMs));
        row("bare SDK page", summary(f.bare.totalMs));
        console.log(`  load average now: ${load()}\n`);
      });

    if (wants("emulator"))
      await section("Emulator process", async () => {
        if (!canSample()) {
          console.log("Emulator process: skipped (reads /proc, Linux only).\n");
        } else {
          const rows = await benchEmulatorLoad({
            browser,
            emulator,
            bareUrl: bare.url,
          });
          console.log(`Emulator process, ${SAMPLE_SECONDS} s samples:`);
          for (const { streams, cpu, rss } of rows) {
            const label =
              streams === 0
                ? "idle"
                : `${streams} stream${streams > 1 ? "s" : ""}`;
            row(
              label,
              `CPU ${cpu.toFixed(1)}% of one core, RSS ${rss.toFixed(0)} MB`,
            );
          }
          console.log(`  load average now: ${load()}\n`);
        }
      });
  }
} finally {
  for (const stop of stops.reverse()) await stop();
}

const passed = verdicts.filter(Boolean).length;
console.log(
  `Targets: ${passed} PASS, ${verdicts.length - passed} MISS.${failures.length ? ` Sections that failed: ${failures.join(", ")}.` : ""}`,
);
