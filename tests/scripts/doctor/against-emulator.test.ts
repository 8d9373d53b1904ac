// @vitest-environment node
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { expect, test } from "vitest";
import { startTestEmulator } from "@test/emulator/support/emulator";

// The doctor as users run it (`npm run doctor` = tsx with the react-server
// condition), in its own process, against a real emulator. Each run gets a
// fresh directory whose .env.local is the only configuration, so the
// developer's own .env.local can never leak in, and loading it is tested too.

const repo = resolve(import.meta.dirname, "../../..");
const CANARY_KEY = "rk_canary_doctor_emulator_9d41";

async function runDoctor(envLocal: string, args: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), "doctor-"));
  writeFileSync(join(dir, ".env.local"), envLocal);
  const env = {
    PATH: process.env.PATH,
    HOME: dir,
    NODE_ENV: "production" as const,
  };
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [
        join(repo, "node_modules/tsx/dist/cli.mjs"),
        "--tsconfig",
        join(repo, "tsconfig.json"),
        "--conditions=react-server",
        join(repo, "scripts/doctor.ts"),
        ...args,
      ],
      { cwd: dir, env, timeout: 60_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const envFor = (url: string, model = "acme/test-pattern") =>
  `REACTOR_API_KEY=${CANARY_KEY}\nREACTOR_API_URL=${url}\nREACTOR_MODEL=${model}\n`;

test("doctor passes against the emulator, reading the key from .env.local", async () => {
  const emulator = await startTestEmulator();
  const { code, stdout } = await runDoctor(envFor(emulator.url));
  expect(stdout).toMatch(/· Environment files: loaded \.env\.local/);
  expect(stdout).toMatch(/✓ Token mint with your key: minted a token/);
  expect(stdout).toContain("All required checks passed.");
  expect(stdout).not.toContain(CANARY_KEY);
  expect(code).toBe(0);
}, 90_000);

test("doctor --live --yes streams one session and reports packets, events and billed seconds", async () => {
  const emulator = await startTestEmulator();
  const { code, stdout } = await runDoctor(envFor(emulator.url), [
    "--live",
    "--yes",
    "--json",
    "--seconds",
    "2",
  ]);
  const report = JSON.parse(stdout);
  const byId = (id: string) =>
    report.checks.find((check: { id: string }) => check.id === id);
  expect(
    report.checks.filter(
      (check: { status: string }) => check.status === "fail",
    ),
  ).toEqual([]);
  expect(byId("live-webrtc").status).toBe("pass");
  expect(byId("live-media")).toMatchObject({ status: "pass" });
  expect(byId("live-media").data.packets).toBeGreaterThan(10);
  expect(byId("live-media").data.keyframes).toBeGreaterThan(0);
  // The model's own messages, heard on the data channel.
  expect(byId("live-schema").data.received.join(" ")).toMatch(/state/);
  expect(byId("live-billed").data.billedSeconds).toBeGreaterThanOrEqual(2);
  expect(report.ok).toBe(true);
  expect(stdout).not.toContain(CANARY_KEY);
  // The session was really ended: the emulator holds no live session.
  const state = await emulator.api.state();
  expect(
    state.sessions.filter((s: { state: string }) => s.state !== "CLOSED"),
  ).toEqual([]);
  expect(code).toBe(0);
}, 90_000);

test("with the emulator refusing the key, doctor exits 1 and names the key without printing it", async () => {
  const emulator = await startTestEmulator({ apiKeys: ["rk_some_other_key"] });
  const { code, stdout } = await runDoctor(envFor(emulator.url), [
    "--live",
    "--yes",
  ]);
  expect(stdout).toMatch(
    /✗ Token mint with your key: key_rejected: Reactor rejected this app's API key \(HTTP 401\)\. Check REACTOR_API_KEY/,
  );
  expect(stdout).toMatch(/– Live session: fix the failures above first/);
  expect(stdout).not.toContain(CANARY_KEY);
  expect(code).toBe(1);
}, 90_000);

test("doctor --live with a model that waits for commands warns with its events instead of failing", async () => {
  const emulator = await startTestEmulator();
  const { code, stdout } = await runDoctor(
    envFor(emulator.url, "reactor/helios"),
    ["--live", "--yes", "--json", "--seconds", "1"],
  );
  const report = JSON.parse(stdout);
  const byId = (id: string) =>
    report.checks.find((check: { id: string }) => check.id === id);
  expect(byId("live-media")).toMatchObject({
    status: "warn",
    data: { packets: 0 },
  });
  expect(byId("live-media").detail).toMatch(
    /^0 packets: this model waits for commands before it streams \(events: .*start/,
  );
  expect(byId("live-schema").status).toBe("pass");
  expect(byId("live-schema").data.events).toContain("start");
  expect(report.ok).toBe(true);
  expect(code).toBe(0);
}, 90_000);
