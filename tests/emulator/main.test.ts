// @vitest-environment node
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { readCliConfig } from "@/emulator/cli-config";

// The CLI as `npm run emulator` runs it (tsx), with its environment contract.
const root = fileURLToPath(new URL("../../", import.meta.url));

test("prints the listening line, applies EMULATOR_SCENARIO, and exits 0 on SIGTERM", async () => {
  const child = spawn(`${root}node_modules/.bin/tsx`, ["emulator/main.ts"], {
    cwd: root,
    env: {
      ...process.env,
      EMULATOR_PORT: "0",
      EMULATOR_SCENARIO: '{"gpuDelayMs":1234}',
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => resolve(code)),
  );
  let stdout = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  await expect.poll(() => stdout, { timeout: 15_000 }).toMatch(/listening on/);
  const match =
    /^Reactor emulator listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(stdout);
  expect(match).not.toBeNull();
  const state = await (await fetch(`${match![1]}/_emulator/state`)).json();
  expect(state.scenario.gpuDelayMs).toBe(1234);
  child.kill("SIGTERM");
  expect(await exited).toBe(0);
});

test("environment defaults: loopback, port 8787, any rk_ key, default scenario", () => {
  expect(readCliConfig({})).toEqual({
    port: 8787,
    host: "127.0.0.1",
    scenario: {},
    apiKeys: [],
  });
  expect(
    readCliConfig({ EMULATOR_PORT: "0", EMULATOR_API_KEYS: " rk_a, rk_b ,," }),
  ).toMatchObject({
    port: 0,
    apiKeys: ["rk_a", "rk_b"],
  });
});

test("a bad port or scenario fails with a message naming the variable", () => {
  expect(() => readCliConfig({ EMULATOR_PORT: "http" })).toThrow(
    /EMULATOR_PORT/,
  );
  expect(() => readCliConfig({ EMULATOR_SCENARIO: "{gpuDelayMs:1}" })).toThrow(
    /EMULATOR_SCENARIO is not JSON/,
  );
  expect(() =>
    readCliConfig({ EMULATOR_SCENARIO: '{"mintFailure":418}' }),
  ).toThrow(/EMULATOR_SCENARIO: invalid scenario/);
});
