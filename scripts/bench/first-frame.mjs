// Click to first frame: our page against the bare SDK page
// (bench/bare-page.tsx: only ReactorProvider/ReactorView with a pre-fetched
// token, the floor our UI adds to), both streaming from the local emulator.
// Also the SDK's connectionTimings.totalMs (connect() to ready).
import { envCount } from "./stats.mjs";

// Both pages sit idle this long after settling before the click, so neither
// is measured while still finishing its own load.
const SETTLE_MS = 500;
// The emulator's test pattern streams at once; reactor/helios stays dark
// until its `start` command.
export const MODEL = "acme/test-pattern";
export const BENCH_KEY = "rk_bench";

// Installed before the click: the click's event timestamp (when the input
// happened, so main-thread work that delays its dispatch still counts) and the
// presentation time of the first video frame (requestVideoFrameCallback).
const INSTRUMENT = () => {
  window.__clickAt = undefined;
  document.addEventListener(
    "click",
    (event) => (window.__clickAt ??= event.timeStamp),
    { capture: true },
  );
  window.__firstFrame = new Promise((resolve) => {
    const poll = () => {
      const video = document.querySelector('[data-testid="stage"] video');
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
  await page.waitForTimeout(SETTLE_MS);
  await page.evaluate(INSTRUMENT);
  await page.getByRole("button", { name: "Connect" }).click();
  const firstFrameMs = await page.evaluate(
    async () => (await window.__firstFrame) - window.__clickAt,
  );
  const totalMs = Number(
    await page
      .locator('[data-testid="connection-stats"][data-total-ms]')
      .getAttribute("data-total-ms", { timeout: 10_000 }),
  );
  await context.close();
  return { firstFrameMs, totalMs };
}

async function mint(emulatorUrl) {
  const res = await fetch(`${emulatorUrl}/tokens`, {
    method: "POST",
    headers: {
      "Reactor-API-Key": BENCH_KEY,
      "Content-Type": "application/json",
    },
    body: JSON.stringify({ expires_after: 3600 }),
  });
  return (await res.json()).jwt;
}

export const resetEmulator = (url) =>
  fetch(`${url}/_emulator/reset`, { method: "POST" });

/** A bare-page target with a freshly minted token (see bench/bare-page.tsx). */
export async function bareTarget(bareUrl, emulatorUrl) {
  const token = await mint(emulatorUrl);
  return {
    url: bareUrl,
    init: `window.BENCH = ${JSON.stringify({ token, apiUrl: emulatorUrl, model: MODEL })}`,
    ready: (page) => page.getByRole("button", { name: "Connect" }).waitFor(),
  };
}

/** { runs, ours, bare }: each { firstFrameMs[], totalMs[] }. */
export async function benchFirstFrame({
  browser,
  appUrl,
  bareUrl,
  emulatorUrl,
}) {
  const runs = envCount("BENCH_RUNS", 15);
  const ours = {
    url: appUrl,
    ready: async (page) => {
      // The page mints its token and loads the SDK chunk in idle time:
      // a visitor who reads before clicking finds both done, and so does
      // this run (the bare page has its token up front).
      await page.waitForResponse((r) => r.url().endsWith("/api/token"));
      await page.getByRole("button", { name: "Connect" }).waitFor();
      await page.waitForLoadState("networkidle");
    },
  };
  const samples = { ours: [], bare: [] };
  const once = async (side) => {
    await resetEmulator(emulatorUrl);
    return measure(
      browser,
      side === "ours" ? ours : await bareTarget(bareUrl, emulatorUrl),
    );
  };
  // Warm both (first Next render, JIT, emulator clip cache), then alternate.
  await once("ours");
  await once("bare");
  for (let i = 0; i < runs; i++) {
    samples.ours.push(await once("ours"));
    samples.bare.push(await once("bare"));
  }
  const pick = (side, key) => samples[side].map((r) => r[key]);
  return {
    runs,
    ours: {
      firstFrameMs: pick("ours", "firstFrameMs"),
      totalMs: pick("ours", "totalMs"),
    },
    bare: {
      firstFrameMs: pick("bare", "firstFrameMs"),
      totalMs: pick("bare", "totalMs"),
    },
  };
}
