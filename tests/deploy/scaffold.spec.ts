import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { expect, test } from "@playwright/test";
import { expectFramesDecoding } from "@test/e2e/support/video";
import {
  emulatorState,
  freePort,
  jwtClaims,
  run,
  start,
  waitForHttp,
  type Running,
} from "./support/processes";

// What `npx create-reactor-app` does with this template: copy the tree
// without .git, node_modules or lockfiles, `pnpm install`, `pnpm dev` with no
// key. pnpm comes from the registry at one exact version (README, "Package
// managers"); SCAFFOLD_PNPM_VERSION tries another, e.g. the newest 10.x.
const PNPM_VERSION = process.env.SCAFFOLD_PNPM_VERSION ?? "12.21.0";
// Any model without an emulator profile streams a test pattern at once.
const MODEL = "acme/test-pattern";
const LOCKFILES = [
  "package-lock.json",
  "pnpm-lock.yaml",
  "yarn.lock",
  "bun.lock",
  "bun.lockb",
];

test.describe.configure({ mode: "serial" });

let dir: string;
let app: string;
let pnpm: string;
let dev: Running | undefined;
let appUrl: string;
let emulatorUrl: string;

/** The files a clone has: tracked plus new unignored ones, minus lockfiles. */
function copyTemplate(to: string) {
  const files = execFileSync(
    "git",
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    { encoding: "utf8" },
  )
    .split("\0")
    .filter((file) => file && !LOCKFILES.includes(file) && existsSync(file));
  for (const file of files) {
    mkdirSync(join(to, dirname(file)), { recursive: true });
    cpSync(file, join(to, file));
  }
}

/** pnpm's environment: CI (no prompts) and no inherited app config. */
function pnpmEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: "true" };
  for (const name of Object.keys(env)) {
    if (name.startsWith("REACTOR_") || name.startsWith("npm_"))
      delete env[name];
  }
  return { ...env, ...extra };
}

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "reactor-scaffold-"));
  app = join(dir, "my-reactor-app");
  copyTemplate(app);
  expect(existsSync(join(app, "package.json"))).toBe(true);
  expect(existsSync(join(app, "package-lock.json"))).toBe(false);

  // A local prefix, not -g: the machine's own pnpm (if any) stays untouched.
  // --ignore-scripts: pnpm's install script only swaps in a native binary.
  const prefix = join(dir, "pnpm");
  const installed = await run(
    "npm",
    [
      "install",
      "--prefix",
      prefix,
      "--no-audit",
      "--no-fund",
      "--ignore-scripts",
      `pnpm@${PNPM_VERSION}`,
    ],
    { cwd: dir, env: pnpmEnv() },
  );
  expect(installed.code, installed.output).toBe(0);
  pnpm = join(prefix, "node_modules", ".bin", "pnpm");
});

test.afterAll(async () => {
  await dev?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test(`pnpm ${PNPM_VERSION} install works on a copy without lockfiles`, async () => {
  test.setTimeout(10 * 60_000);
  // engine-strict: a transitive release that drops Node 20 fails here
  // (pnpm-workspace.yaml's overrides), not on a user's machine.
  const result = await run(pnpm, ["install"], {
    cwd: app,
    env: pnpmEnv({ pnpm_config_engine_strict: "true" }),
  });
  expect(result.code, result.output).toBe(0);
  expect(result.output).not.toContain("ERR_PNPM");
  expect(existsSync(join(app, "node_modules", ".bin", "next"))).toBe(true);
});

test("pnpm test runs unit tests under pnpm's node_modules layout", async () => {
  test.setTimeout(5 * 60_000);
  // A sample, not the suite (.ci/run runs that once with npm): the token
  // route against msw, and a component in jsdom. werift (the emulator's
  // WebRTC peer) gets its run in the video test below.
  const result = await run(
    pnpm,
    [
      "test",
      "tests/app/api/token/route.test.ts",
      "tests/components/setup-required.test.tsx",
    ],
    { cwd: app, env: pnpmEnv() },
  );
  expect(result.code, result.output).toBe(0);
  expect(result.output).toMatch(/Tests\s+.*\d+ passed/);
  expect(result.output).not.toMatch(/\d+ failed/);
});

test("pnpm dev with no key serves the page on the local emulator", async ({
  page,
}) => {
  test.setTimeout(5 * 60_000);
  const port = await freePort();
  const emulatorPort = await freePort();
  appUrl = `http://127.0.0.1:${port}`;
  emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
  dev = start(pnpm, ["dev", "-H", "127.0.0.1"], {
    cwd: app,
    env: pnpmEnv({
      PORT: String(port),
      EMULATOR_PORT: String(emulatorPort),
      REACTOR_MODEL: MODEL,
      NEXT_TELEMETRY_DISABLED: "1",
    }),
  });
  await waitForHttp(appUrl, dev, 4 * 60_000);
  expect(dev.output()).toContain("LOCAL EMULATOR");

  await page.goto(appUrl);
  await expect(page.getByText("Local emulator", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Connect" })).toBeEnabled({
    timeout: 60_000,
  });
});

test("/api/token mints from the emulator", async () => {
  const before = (await emulatorState(emulatorUrl)).tokens.minted;
  const response = await fetch(`${appUrl}/api/token`);
  expect(response.status).toBe(200);
  const { jwt } = (await response.json()) as { jwt: string };
  expect(JSON.stringify(jwtClaims(jwt))).toContain(MODEL);
  expect((await emulatorState(emulatorUrl)).tokens.minted).toBe(before + 1);
});

test("Chromium connects and decodes the test pattern", async ({ page }) => {
  test.setTimeout(3 * 60_000);
  await page.goto(appUrl);
  await page
    .getByRole("button", { name: "Connect" })
    .click({ timeout: 60_000 });
  await expect(page.getByRole("status")).toHaveText("Live", {
    timeout: 60_000,
  });
  await expectFramesDecoding(page);
  const { sessions } = await emulatorState(emulatorUrl);
  expect(sessions.map((session) => session.model)).toEqual([MODEL]);
});
