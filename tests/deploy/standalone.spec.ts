import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { expectFramesDecoding } from "@test/e2e/support/video";
import {
  emulatorState,
  freePort,
  jwtClaims,
  start,
  waitForHttp,
  type Running,
} from "./support/processes";

// The self-hosted path: `npm run build:standalone`, then only .next/standalone
// runs, as the Dockerfile's last stage does. It is copied out of the repository
// first, so a file the trace missed cannot quietly load from ./node_modules.

const CANARY_KEY = process.env.E2E_CANARY_KEY ?? "rk_canary_standalone_5e8d";
// Not the model the build saw: the answers must come from the run-time env.
const MODEL = "acme/standalone-check";

test.describe.configure({ mode: "serial" });

let dir: string;
let emulator: Running;
let emulatorUrl: string;
let server: Running;
let appUrl: string;
const started: Running[] = [];

async function startServer(env: Record<string, string>) {
  const port = await freePort();
  const running = start(process.execPath, ["server.js"], {
    cwd: dir,
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      NEXT_TELEMETRY_DISABLED: "1",
      REACTOR_MODEL: "",
      REACTOR_API_URL: "",
      REACTOR_TOKEN_LIFETIME_SECONDS: "",
      REACTOR_TOKEN_MAX_SESSIONS: "",
      REACTOR_ALLOWED_ORIGINS: "",
      TOKEN_RATE_LIMIT_PER_MINUTE: "",
      ...env,
    },
  });
  started.push(running);
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/api/health`, running, 30_000);
  return { running, url };
}

test.beforeAll(async () => {
  if (!existsSync(".next/standalone/server.js")) {
    throw new Error(
      "No standalone build in .next/standalone: run `npm run build:standalone` first.",
    );
  }
  dir = mkdtempSync(join(tmpdir(), "reactor-standalone-"));
  cpSync(".next/standalone", dir, { recursive: true, verbatimSymlinks: true });

  const emulatorPort = await freePort();
  emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
  emulator = start(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", "emulator/main.ts"],
    {
      cwd: process.cwd(),
      env: { ...process.env, EMULATOR_PORT: String(emulatorPort) },
    },
  );
  started.push(emulator);
  await waitForHttp(`${emulatorUrl}/_emulator/state`, emulator, 30_000);

  ({ running: server, url: appUrl } = await startServer({
    REACTOR_API_KEY: CANARY_KEY,
    REACTOR_API_URL: emulatorUrl,
    REACTOR_MODEL: MODEL,
  }));
});

test.afterAll(async () => {
  await Promise.all(started.map((running) => running.stop()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("the standalone folder holds no dev-only code", () => {
  for (const devOnly of ["emulator", "tests", "node_modules/werift"]) {
    expect(existsSync(join(dir, devOnly)), devOnly).toBe(false);
  }
});

test("GET /api/health: ready, with the run-time model, and mints nothing", async () => {
  const before = (await emulatorState(emulatorUrl)).tokens.minted;
  const response = await fetch(`${appUrl}/api/health`);
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toBe("no-store");
  const text = await response.text();
  expect(JSON.parse(text)).toEqual({
    ok: true,
    configured: true,
    model: MODEL,
  });
  expect(text).not.toContain(CANARY_KEY);
  expect((await emulatorState(emulatorUrl)).tokens.minted).toBe(before);
});

test("GET /api/token mints through the standalone server", async () => {
  const before = (await emulatorState(emulatorUrl)).tokens.minted;
  const response = await fetch(`${appUrl}/api/token`);
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toBe("private, no-store");
  const body = (await response.json()) as { jwt: string; expiresAt: number };
  expect(body.expiresAt).toBeGreaterThan(Date.now());
  expect(JSON.stringify(jwtClaims(body.jwt))).toContain(MODEL);
  expect((await emulatorState(emulatorUrl)).tokens.minted).toBe(before + 1);
});

test("the page loads its assets and streams video", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(appUrl);
  await expect(page.getByRole("button", { name: "Connect" })).toBeEnabled();
  await page.getByRole("button", { name: "Connect" }).click();
  await expect(page.getByRole("status")).toHaveText("Live");
  await expectFramesDecoding(page);
  const { sessions } = await emulatorState(emulatorUrl);
  expect(sessions.map((session) => session.model)).toContain(MODEL);
  expect(errors).toEqual([]);
  expect(server.output()).not.toContain(CANARY_KEY);
});

test("without a key, /api/health answers 503 naming the variable", async () => {
  const { url } = await startServer({ REACTOR_API_KEY: "" });
  const response = await fetch(`${url}/api/health`);
  expect(response.status).toBe(503);
  expect(await response.json()).toEqual({
    ok: false,
    configured: false,
    problems: ["REACTOR_API_KEY"],
  });
});
