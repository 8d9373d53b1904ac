import { test as base, expect } from "@playwright/test";

// A console error or a CSP violation on a clean run is a bug, so every spec
// imports `test` from here and fails on either. A spec that provokes an error
// on purpose lists the exact console text it expects with
// `test.use({ allowedConsoleErrors: [...] })`; anything else still fails.

export interface CleanRunOptions {
  /** Exact console error texts this spec causes on purpose. */
  allowedConsoleErrors: string[];
}

declare global {
  interface Window {
    __reportCspViolation?: (description: string) => void;
  }
}

export const test = base.extend<CleanRunOptions & { cleanRun: void }>({
  allowedConsoleErrors: [[], { option: true }],
  cleanRun: [
    async ({ page, allowedConsoleErrors }, use) => {
      const problems: string[] = [];
      // A binding survives navigations, unlike state kept in `window`.
      await page.exposeFunction("__reportCspViolation", (text: string) => {
        problems.push(`CSP violation: ${text}`);
      });
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => {
          void window.__reportCspViolation?.(
            `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`,
          );
        });
      });
      page.on("console", (message) => {
        if (message.type() !== "error") return;
        const text = message.text();
        if (!allowedConsoleErrors.includes(text)) {
          problems.push(`console error: ${text}`);
        }
      });
      page.on("pageerror", (error) => {
        problems.push(`uncaught: ${error.message}`);
      });

      await use();

      // Let a violation reported during the last step reach the binding.
      await page
        .evaluate(() => new Promise((r) => setTimeout(r, 50)))
        .catch(() => undefined);
      expect(problems, "console errors and CSP violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
