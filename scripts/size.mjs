// `npm run size`: how much JavaScript the page loads before the Reactor SDK,
// measured on the real production build (run `npm run build` first). Next 16
// no longer prints bundle sizes, so this serves the page, collects every
// script its HTML references, and gzips each. Exits 1 when the budget is
// exceeded or the SDK is among those scripts (it must load lazily).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { freePort } from "./lib/free-port.mjs";
import { startNext } from "./lib/start-next.mjs";

const BUDGET_KB = 140;
// A string only the SDK bundle contains (one of its log tags).
const SDK_MARKER = "[WebRTCTransport]";

if (!existsSync(".next/BUILD_ID")) {
  console.error("No production build found. Run `npm run build` first.");
  process.exit(1);
}

const gzipKb = (buffer) => gzipSync(buffer, { level: 9 }).length / 1024;
const kb = (n) => `${n.toFixed(1)} KB`;

// Any valid-looking config renders the app (not the setup screen); the page
// itself never calls Reactor, so nothing is contacted.
const next = await startNext({
  port: await freePort(),
  env: {
    NODE_ENV: "production",
    REACTOR_API_KEY: "rk_size_probe",
    REACTOR_API_URL: "http://127.0.0.1:9",
  },
});

try {
  const html = await (await fetch(`${next.url}/`)).text();
  if (html.includes("Setup required")) {
    throw new Error(
      "The page rendered the setup screen; cannot measure the app.",
    );
  }
  // `noModule` scripts are legacy polyfills that module-capable browsers
  // never download, so they do not count against the budget.
  const sources = new Set(
    [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"[^>]*>/g)]
      .filter((m) => !/\snomodule/i.test(m[0]))
      .map((m) => m[1]),
  );
  for (const m of html.matchAll(
    /<link[^>]*rel="(?:modulepreload|preload)"[^>]*>/g,
  )) {
    if (/as="script"|modulepreload/.test(m[0])) {
      const href = /href="([^"]+)"/.exec(m[0]);
      if (href) sources.add(href[1]);
    }
  }

  let initial = 0;
  let sdkInInitial = false;
  const rows = [];
  // Chunks named inside the initial scripts but not loaded by the HTML are
  // the lazy ones (import() in components/load-reactor-session.ts): that is
  // where the SDK must be.
  const lazy = new Set();
  for (const src of sources) {
    const body = Buffer.from(
      await (await fetch(new URL(src, next.url))).arrayBuffer(),
    );
    const size = gzipKb(body);
    initial += size;
    if (body.includes(SDK_MARKER)) sdkInInitial = true;
    rows.push([size, src.replace(/^\/_next\/static\//, "")]);
    for (const m of String(body).matchAll(/"(static\/chunks\/[^"]+\.js)"/g)) {
      lazy.add(m[1]);
    }
  }
  for (const src of sources) lazy.delete(src.replace(/^\/_next\//, ""));

  let lazySize = 0;
  let sdkLazy = false;
  for (const file of lazy) {
    const path = join(".next", file);
    if (!existsSync(path)) continue;
    const body = readFileSync(path);
    lazySize += gzipKb(body);
    if (body.includes(SDK_MARKER)) sdkLazy = true;
  }

  console.log("Scripts the page loads before the SDK (gzip -9):");
  for (const [size, name] of rows.sort((a, b) => b[0] - a[0])) {
    console.log(`  ${kb(size).padStart(9)}  ${name}`);
  }
  console.log(`HTML document: ${kb(gzipKb(Buffer.from(html)))} gzip`);
  console.log(
    `Loaded on idle or intent, not before first paint: ${kb(lazySize)} gzip in ${lazy.size} chunk(s)` +
      (sdkLazy ? ", including the Reactor SDK" : ""),
  );
  console.log(
    `\nInitial JavaScript: ${kb(initial)} gzip (budget ${BUDGET_KB} KB)`,
  );

  if (sdkInInitial) {
    console.error(
      "FAIL: the SDK is in the initial scripts; it must be lazy-loaded.",
    );
    process.exitCode = 1;
  } else if (initial > BUDGET_KB) {
    console.error(
      `FAIL: initial JavaScript exceeds the ${BUDGET_KB} KB budget.`,
    );
    process.exitCode = 1;
  } else {
    console.log("OK: within budget, SDK not in the initial load.");
  }
} finally {
  await next.stop();
}
