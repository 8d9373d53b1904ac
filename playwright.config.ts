import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "@test/e2e/support/chromium";
import {
  CANARY_KEY,
  CONFIG_CANARY_ENV,
  POLICY_HIDDEN_SECONDS,
  POLICY_IDLE_SECONDS,
  servers,
} from "@test/e2e/support/servers";

// Everything runs on loopback against `next build` output plus the local
// emulator: nothing here ever calls the real Reactor service or a GPU.

const next = (mode: "start" | "dev", port: number) =>
  `node node_modules/next/dist/bin/next ${mode} -H 127.0.0.1 -p ${port}`;

const appEnv = {
  NEXT_TELEMETRY_DISABLED: "1",
  REACTOR_API_KEY: CANARY_KEY,
  REACTOR_API_URL: servers.emulatorUrl,
  // Any model without an emulator profile streams the test pattern at once;
  // reactor/helios stays dark until `start` (emulator/model/profiles/).
  REACTOR_MODEL: "acme/test-pattern",
  // The suite mints far more tokens from one address than a visitor would,
  // and every anonymous caller shares one bucket without TRUST_PROXY_HEADERS.
  TOKEN_RATE_LIMIT_PER_MINUTE: "1000",
  TOKEN_RATE_LIMIT_GLOBAL_PER_MINUTE: "1000",
};

/** `next start` on loopback `port` with appEnv, plus `env` on top. */
const app = (port: number, env: Record<string, string> = {}) => ({
  command: next("start", port),
  url: `http://127.0.0.1:${port}`,
  env: { ...appEnv, ...env },
  reuseExistingServer: !process.env.CI,
});

/** An app that streams `model`: the model name is server config. */
const modelApp = (model: string, port: number) =>
  app(port, { REACTOR_MODEL: model });

export default defineConfig({
  testDir: "tests/e2e",
  // One emulator is shared and its scenario is global: run tests serially.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  outputDir: "test-results/e2e-artifacts",
  reporter: process.env.CI
    ? [["list"], ["json", { outputFile: "test-results/e2e.json" }]]
    : "list",
  use: {
    baseURL: servers.appUrl,
    trace: "on-first-retry",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: chromiumLaunchOptions(),
      },
    },
  ],
  webServer: [
    {
      command: "node node_modules/tsx/dist/cli.mjs emulator/main.ts",
      url: `${servers.emulatorUrl}/_emulator/state`,
      env: { EMULATOR_PORT: String(servers.emulatorPort) },
      reuseExistingServer: !process.env.CI,
      stdout: "ignore",
    },
    app(servers.appPort),
    {
      // Development mode, for what only it does: StrictMode double effects.
      command: next("dev", servers.devPort),
      url: servers.devUrl,
      env: appEnv,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    // The emulator's modelled models, each behind its own app: the controls
    // specs drive helios and lingbot from their schema; x2 has a camera
    // input, ltx2 audio out.
    modelApp("reactor/helios", servers.heliosPort),
    modelApp("reactor/lingbot", servers.lingbotPort),
    modelApp("xmax/x2", servers.x2Port),
    modelApp("reactor/ltx2", servers.ltx2Port),
    // Session policies short enough to watch: idle after 5 s (then the
    // 20 s countdown), hidden tab after 3 s. tests/e2e/policies-*.spec.ts.
    app(servers.policiesPort, {
      REACTOR_IDLE_DISCONNECT_SECONDS: String(POLICY_IDLE_SECONDS),
      REACTOR_HIDDEN_DISCONNECT_SECONDS: String(POLICY_HIDDEN_SECONDS),
    }),
    {
      command: next("start", servers.setupPort),
      url: servers.setupUrl,
      // Empty, not unset: process env wins over a developer's .env.local.
      env: {
        NEXT_TELEMETRY_DISABLED: "1",
        REACTOR_API_KEY: "",
        // Canaries in every other variable (tests/e2e/setup-required.spec.ts).
        ...CONFIG_CANARY_ENV,
      },
      reuseExistingServer: !process.env.CI,
    },
  ],
});
