import { fileURLToPath } from "node:url";
import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "@test/e2e/support/chromium";

// The ways this app leaves the repository: the standalone server a Docker
// image runs, and the copy `npx create-reactor-app` installs with pnpm. Each
// spec starts its own processes on free loopback ports; nothing here calls the
// real Reactor service. Run after `npm run build:standalone`:
//
//   npm run test:deploy

const results = (path: string) =>
  fileURLToPath(new URL(`../../test-results/${path}`, import.meta.url));

export default defineConfig({
  testDir: ".",
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  // Each spec is a serial story (install, then run); a retry would redo it all.
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  outputDir: results("deploy-artifacts"),
  reporter: process.env.CI
    ? [["list"], ["json", { outputFile: results("deploy.json") }]]
    : "list",
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: chromiumLaunchOptions(),
      },
    },
  ],
});
