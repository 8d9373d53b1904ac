import type { Page } from "@playwright/test";
import { emulator } from "./emulator";

/** The idle policy's question (components/idle-notice.tsx). */
export const stillWatching = (page: Page) =>
  page.getByRole("alertdialog", { name: "Still watching?" });

/** One of the policy notices: "ended", "offline" or "other-tab". */
export const notice = (page: Page, kind: string) =>
  page.locator(`[data-notice="${kind}"]`);

/**
 * Polls the emulator every 100 ms and keeps the highest number of open
 * sessions seen, to prove two never overlap.
 */
export function watchOpenSessions() {
  let max = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      max = Math.max(max, (await emulator.state()).counts.active);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    return max;
  };
}

/** Console and uncaught errors on a page support/clean-run.ts does not guard (a second tab). */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}
