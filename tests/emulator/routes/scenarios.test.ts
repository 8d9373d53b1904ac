// @vitest-environment node
import { expect, test } from "vitest";
import {
  API_KEY,
  sdkHeaders,
  startTestEmulator,
} from "@test/emulator/support/emulator";

test("maxConcurrentSessions: 0 means no capacity: 429 with Retry-After", async () => {
  const { api } = await startTestEmulator({
    scenario: { maxConcurrentSessions: 0 },
  });
  const { jwt } = await api.mint();
  const response = await api.createSession(jwt);
  expect(response.status).toBe(429);
  expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(response.json).toEqual({ error: expect.stringMatching(/capacity/) });
  expect((await api.state()).counts.created).toBe(0);
});

test("the concurrent-session cap counts open sessions only", async () => {
  const { api } = await startTestEmulator({
    scenario: { maxConcurrentSessions: 2 },
  });
  const { jwt } = await api.mint();
  const first = (await api.createSession(jwt)).json.session_id;
  expect((await api.createSession(jwt)).status).toBe(201);
  expect((await api.createSession(jwt)).status).toBe(429);
  await api.request("DELETE", `/sessions/${first}`, {
    headers: sdkHeaders(jwt),
  });
  expect((await api.createSession(jwt)).status).toBe(201);
});

test.each([
  [401, /unknown key/],
  [429, /rate limited/],
  [500, /internal/],
] as const)(
  "mintFailure %i makes POST /tokens fail that way",
  async (status, message) => {
    const { api } = await startTestEmulator();
    await api.request("PUT", "/_emulator/scenario", {
      body: { mintFailure: status },
    });
    const response = await api.request("POST", "/tokens", {
      headers: { "Reactor-API-Key": API_KEY },
    });
    expect(response.status).toBe(status);
    expect(response.json.error).toMatch(message);
    if (status === 429)
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    await api.request("PUT", "/_emulator/scenario", {
      body: { mintFailure: null },
    });
    expect(
      (
        await api.request("POST", "/tokens", {
          headers: { "Reactor-API-Key": API_KEY },
        })
      ).status,
    ).toBe(200);
  },
);

test('mintFailure "timeout" never answers', async () => {
  const { url } = await startTestEmulator({
    scenario: { mintFailure: "timeout" },
  });
  const started = Date.now();
  await expect(
    fetch(`${url}/tokens`, {
      method: "POST",
      headers: { "Reactor-API-Key": API_KEY },
      signal: AbortSignal.timeout(250),
    }),
  ).rejects.toThrow(/abort|timeout/i);
  expect(Date.now() - started).toBeGreaterThanOrEqual(200);
});

test("a scenario from the start-up options applies from the first request", async () => {
  const { api } = await startTestEmulator({ scenario: { gpuDelayMs: 10_000 } });
  const { jwt } = await api.mint();
  const id = (await api.createSession(jwt)).json.session_id;
  await new Promise((resolve) => setTimeout(resolve, 150));
  const polled = await api.request("GET", `/sessions/${id}`, {
    headers: sdkHeaders(jwt),
  });
  expect(polled.json.state).toBe("PENDING");
  expect(polled.json).not.toHaveProperty("capabilities");
});

test("a scenario change affects new sessions, not ones already created", async () => {
  const { api } = await startTestEmulator();
  const { jwt } = await api.mint();
  const early = (await api.createSession(jwt)).json.session_id;
  await api.request("PUT", "/_emulator/scenario", {
    body: { gpuDelayMs: 10_000 },
  });
  const late = (await api.createSession(jwt)).json.session_id;
  await api.waitReady(jwt, early);
  const polled = await api.request("GET", `/sessions/${late}`, {
    headers: sdkHeaders(jwt),
  });
  expect(polled.json.state).toBe("PENDING");
});
