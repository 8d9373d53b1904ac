// @vitest-environment node
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import * as route from "@/app/api/health/route";
import { UPSTREAM_API_URL } from "@test/fixtures/upstream-token";
import { countRequests, server } from "@test/msw/server";
import { stubServerEnv } from "@test/support/server-env";

const CANARY_KEY = "rk_canary_5d1a9c3e7b2f4608";
let upstream: { readonly count: number };

beforeEach(() => {
  stubServerEnv({
    REACTOR_API_KEY: CANARY_KEY,
    REACTOR_API_URL: UPSTREAM_API_URL,
    REACTOR_MODEL: "acme/health-check",
  });
  upstream = countRequests();
});

afterEach(() => {
  vi.unstubAllEnvs();
  server.events.removeAllListeners();
});

async function get() {
  const response = route.GET();
  const text = await response.text();
  expect(response.headers.get("Cache-Control")).toBe("no-store");
  expect(response.headers.get("Content-Type")).toContain("application/json");
  return { status: response.status, text, body: JSON.parse(text) as unknown };
}

test("exports only GET", () => {
  expect(Object.keys(route)).toEqual(["GET"]);
});

test("a configured server is ready and names its model, without calling Reactor", async () => {
  const { status, text, body } = await get();
  expect(status).toBe(200);
  expect(body).toEqual({
    ok: true,
    configured: true,
    model: "acme/health-check",
  });
  expect(text).not.toContain(CANARY_KEY);
  expect(upstream.count).toBe(0);
});

test("reads the environment on every request", async () => {
  expect((await get()).body).toMatchObject({ model: "acme/health-check" });
  vi.stubEnv("REACTOR_MODEL", "acme/changed");
  expect((await get()).body).toMatchObject({ model: "acme/changed" });
});

test("no key: 503, not configured, names the variable", async () => {
  vi.stubEnv("REACTOR_API_KEY", "");
  const { status, body } = await get();
  expect(status).toBe(503);
  expect(body).toEqual({
    ok: false,
    configured: false,
    problems: ["REACTOR_API_KEY"],
  });
  expect(upstream.count).toBe(0);
});

test("invalid values are named, never echoed", async () => {
  // A key with a stray space (most of a real key) and a bad model name.
  const almostKey = "rk_live 9f8e7d6c5b4a";
  vi.stubEnv("REACTOR_API_KEY", almostKey);
  vi.stubEnv("REACTOR_MODEL", "not a model");
  vi.stubEnv("REACTOR_API_URL", "ftp://internal.example");
  const { status, text, body } = await get();
  expect(status).toBe(503);
  expect(body).toEqual({
    ok: false,
    configured: false,
    problems: ["REACTOR_API_KEY", "REACTOR_MODEL", "REACTOR_API_URL"],
  });
  for (const value of [almostKey, "9f8e7d6c5b4a", "not a model", "internal"]) {
    expect(text).not.toContain(value);
  }
});
