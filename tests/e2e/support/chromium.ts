import { mkdtempSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type LaunchOptions } from "@playwright/test";

/**
 * How every browser run here starts Chromium: the e2e suite
 * (playwright.config.ts) and the benchmark (scripts/bench.mjs).
 */
export function chromiumLaunchOptions(): LaunchOptions {
  return {
    executablePath: chromiumPath(),
    args: [
      // Our machines have no internet: background fetches only add noise.
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
      // Root (CI) cannot use Chromium's sandbox.
      ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
    ],
    // Chromium's crashpad ignores the profile dir and writes into
    // XDG_CONFIG_HOME: keep it out of the user's config.
    env: {
      ...process.env,
      XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), "chromium-")),
    },
  };
}

// Playwright's own Chromium when `npx playwright install chromium` was run
// (a laptop), else Debian's (CI and our machines, where browser downloads are
// blocked). CHROMIUM_PATH overrides both.
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync(chromium.executablePath())) return undefined;
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  return undefined;
}
