// Lighthouse (mobile preset, simulated throttling: its defaults) on our `/`
// and on the baseline app's blank page, alternating, median per side.
// Lighthouse is pinned to 12.2.3: 13 needs Node 22 and this project supports
// Node 20.19+. Chromium is started by chrome-launcher with the shared flags
// (scripts/lib/chromium.mjs).
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import { chromium } from "@playwright/test";
import {
  CHROMIUM_ARGS,
  chromiumConfigHome,
  chromiumPath,
} from "../lib/chromium.mjs";
import { benchPort } from "./ports.mjs";
import { envCount, median } from "./stats.mjs";

async function audit(port, url) {
  const result = await lighthouse(url, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance"],
  });
  const { categories, audits, runtimeError } = result.lhr;
  if (runtimeError) {
    throw new Error(`Lighthouse on ${url}: ${runtimeError.message}`);
  }
  return {
    score: categories.performance.score * 100,
    tbt: audits["total-blocking-time"].numericValue,
    lcp: audits["largest-contentful-paint"].numericValue,
    kb: audits["total-byte-weight"].numericValue / 1024,
  };
}

/** { runs, ours, blank }: each the median score, TBT, LCP and page weight. */
export async function benchLighthouse({ oursUrl, blankUrl }) {
  const runs = envCount("BENCH_LIGHTHOUSE_RUNS", 5);
  const chrome = await launch({
    port: await benchPort(),
    chromePath: chromiumPath() ?? chromium.executablePath(),
    chromeFlags: [
      "--headless=new",
      "--disable-gpu",
      "--no-sandbox",
      ...CHROMIUM_ARGS,
    ],
    envVars: { ...process.env, XDG_CONFIG_HOME: chromiumConfigHome() },
    logLevel: "silent",
  });
  try {
    const samples = { ours: [], blank: [] };
    const sides = { ours: `${oursUrl}/`, blank: `${blankUrl}/` };
    // One unmeasured pass each: the servers' first render and compile.
    for (const url of Object.values(sides)) await audit(chrome.port, url);
    for (let i = 0; i < runs; i++) {
      for (const [side, url] of Object.entries(sides)) {
        samples[side].push(await audit(chrome.port, url));
      }
    }
    const figure = (list) =>
      Object.fromEntries(
        ["score", "tbt", "lcp", "kb"].map((k) => [
          k,
          median(list.map((r) => r[k])),
        ]),
      );
    return { runs, ours: figure(samples.ours), blank: figure(samples.blank) };
  } finally {
    chrome.kill();
  }
}
