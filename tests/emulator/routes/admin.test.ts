// @vitest-environment node
import { expect, test } from "vitest";
import { DEFAULT_SCENARIO } from "@/emulator/scenario";
import { sdkHeaders, startTestEmulator } from "@test/emulator/support/emulator";

test("GET /_emulator/state has the contract shape", async () => {
  const { api } = await startTestEmulator();
  const { jwt } = await api.mint();
  const id = (await api.createSession(jwt)).json.session_id;
  const state = await api.state();
  expect(state).toEqual({
    scenario: DEFAULT_SCENARIO,
    sessions: [
      expect.objectContaining({
        id,
        model: "acme/test-pattern",
        profile: "test-pattern",
        state: expect.stringMatching(/^(PENDING|WAITING|ACTIVE)$/),
        createdAt: expect.any(Number),
        scene: "testsrc",
        paused: false,
        connected: false,
        events: [],
        rejected: [],
        schemaRequests: 0,
        modelState: { scene: "testsrc", paused: false, frame: 0 },
      }),
    ],
    counts: { created: 1, active: 1 },
    tokens: { minted: 1 },
  });
  expect(state.sessions[0]).not.toHaveProperty("closedAt");
});

test("PUT /_emulator/scenario merges a partial scenario and returns the whole one; DELETE resets", async () => {
  const { api } = await startTestEmulator({ scenario: { sdpDelayMs: 10 } });
  const merged = await api.request("PUT", "/_emulator/scenario", {
    body: { gpuDelayMs: 1500 },
  });
  expect(merged.status).toBe(200);
  expect(merged.json).toEqual({
    ...DEFAULT_SCENARIO,
    sdpDelayMs: 10,
    gpuDelayMs: 1500,
  });
  const again = await api.request("PUT", "/_emulator/scenario", {
    body: { mintFailure: "timeout" },
  });
  expect(again.json).toMatchObject({
    gpuDelayMs: 1500,
    mintFailure: "timeout",
  });
  const reset = await api.request("DELETE", "/_emulator/scenario");
  expect(reset.json).toEqual(DEFAULT_SCENARIO);
  expect((await api.state()).scenario).toEqual(DEFAULT_SCENARIO);
});

test("an invalid scenario is refused with 400 and changes nothing", async () => {
  const { api } = await startTestEmulator();
  for (const body of [
    { mintFailure: 418 },
    { gpuDelayMs: -1 },
    { typo: 1 },
    { maxConcurrentSessions: "5" },
  ]) {
    const response = await api.request("PUT", "/_emulator/scenario", { body });
    expect(response.status).toBe(400);
    expect(response.json.error).toMatch(/invalid scenario/);
  }
  expect((await api.state()).scenario).toEqual(DEFAULT_SCENARIO);
});

test("POST /_emulator/reset closes every session and clears counters and scenario", async () => {
  const { api } = await startTestEmulator({ scenario: { gpuDelayMs: 5 } });
  const { jwt } = await api.mint();
  const id = (await api.createSession(jwt)).json.session_id;
  const reset = await api.request("POST", "/_emulator/reset");
  expect(reset.status).toBe(200);
  expect(reset.json).toEqual({
    scenario: DEFAULT_SCENARIO,
    sessions: [],
    counts: { created: 0, active: 0 },
    tokens: { minted: 0 },
  });
  // The session is gone for clients too.
  const polled = await api.request("GET", `/sessions/${id}`, {
    headers: { Authorization: `Bearer ${jwt}`, "Reactor-API-Version": "1" },
  });
  expect(polled.status).toBe(404);
});

test("admin endpoints give web pages no CORS access: no preflight, no Allow-Origin, no Private-Network", async () => {
  const { url } = await startTestEmulator();
  for (const path of ["/_emulator/scenario", "/_emulator/reset", "/tokens"]) {
    const preflight = await fetch(`${url}${path}`, {
      method: "OPTIONS",
      headers: {
        Origin: "https://attacker.example",
        "Access-Control-Request-Method": "PUT",
        "Access-Control-Request-Private-Network": "true",
      },
    });
    expect(preflight.status, path).toBe(403);
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    expect(preflight.headers.get("access-control-allow-methods")).toBeNull();
    expect(
      preflight.headers.get("access-control-allow-private-network"),
    ).toBeNull();
  }
  const state = await fetch(`${url}/_emulator/state`, {
    headers: { Origin: "https://attacker.example" },
  });
  expect(state.status).toBe(200);
  expect(state.headers.get("access-control-allow-origin")).toBeNull();
});

test("readyMs counts the time a session is ACTIVE (billable) and stops when it closes", async () => {
  const { api } = await startTestEmulator();
  const { jwt } = await api.mint();
  const id = (await api.createSession(jwt)).json.session_id;
  await api.waitReady(jwt, id);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const live = (await api.state()).sessions[0].readyMs;
  expect(live).toBeGreaterThanOrEqual(300);

  await api.request("DELETE", `/sessions/${id}`, { headers: sdkHeaders(jwt) });
  const closed = (await api.state()).sessions[0].readyMs;
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect((await api.state()).sessions[0].readyMs).toBe(closed);
  expect(closed).toBeGreaterThanOrEqual(live);
});
