import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";

/*
 * How every browser run in this repo starts Chromium: the e2e suite
 * (playwright.config.ts, through tests/e2e/support/chromium.ts), the
 * benchmark's Playwright runs and its Lighthouse runs (scripts/bench/).
 */

/** Flags for any Chromium we start, whoever starts it. */
export const CHROMIUM_ARGS = [
  // Machines without internet (CI sandboxes) refuse Chromium's background
  // connections; they would only add noise and failed requests.
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
  // A synthetic camera and microphone for the input-track specs. Permission
  // is still the test's to grant (context.grantPermissions), so no
  // --use-fake-ui-for-media-stream.
  "--use-fake-device-for-media-stream",
  // Root (CI containers) cannot use Chromium's sandbox.
  ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
];

/**
 * Playwright's own Chromium when `npx playwright install chromium` was run
 * (a laptop), else Debian's /usr/bin/chromium (CI, where browser downloads
 * are blocked). CHROMIUM_PATH overrides both. Undefined: Playwright's default.
 */
export function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync(chromium.executablePath())) return undefined;
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  return undefined;
}

/** Playwright launch options. */
export function chromiumLaunchOptions() {
  return {
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    // Chromium's crashpad ignores the profile dir and writes into
    // XDG_CONFIG_HOME: keep it out of the user's config.
    env: { ...process.env, XDG_CONFIG_HOME: chromiumConfigHome() },
  };
}

/** A fresh XDG_CONFIG_HOME for one browser (see chromiumLaunchOptions). */
export function chromiumConfigHome() {
  return mkdtempSync(join(tmpdir(), "chromium-"));
}
