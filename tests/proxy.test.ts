// @vitest-environment node
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { config, proxy } from "@/proxy";

const KEY = "rk_test_0123456789abcdef";

beforeEach(() => {
  vi.stubEnv("REACTOR_API_KEY", KEY);
  vi.stubEnv("REACTOR_API_URL", "https://api.reactor.inc");
  vi.stubEnv("NODE_ENV", "production");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

function run(path = "/") {
  return proxy(new NextRequest(`http://localhost:3000${path}`));
}

function csp(response: Response): string {
  const value = response.headers.get("Content-Security-Policy");
  expect(value).toBeTruthy();
  return value!;
}

function connectSrc(response: Response): string {
  return /connect-src ([^;]*)/.exec(csp(response))![1]!;
}

function nonceOf(response: Response): string {
  return /'nonce-([^']+)'/.exec(csp(response))![1]!;
}

test("sets the CSP and the other security headers on the response", () => {
  const response = run();
  expect(csp(response)).toContain("frame-ancestors 'none'");
  expect(response.headers.get("Referrer-Policy")).toBe(
    "strict-origin-when-cross-origin",
  );
  expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
  expect(response.headers.get("Permissions-Policy")).toContain("camera=(self)");
});

test("passes the same CSP, nonce included, on the request, where Next reads it", () => {
  const response = run();
  // NextResponse.next({ request: { headers } }) forwards overrides as x-middleware-request-*.
  expect(
    response.headers.get("x-middleware-request-content-security-policy"),
  ).toBe(csp(response));
});

test("the nonce differs on every request", () => {
  const nonces = new Set([run(), run(), run()].map(nonceOf));
  expect(nonces.size).toBe(3);
});

test("connect-src follows REACTOR_API_URL at run time, without re-importing", () => {
  expect(connectSrc(run())).toBe("'self' https://api.reactor.inc");
  vi.stubEnv("REACTOR_API_URL", "http://127.0.0.1:8787");
  expect(connectSrc(run())).toBe("'self' http://127.0.0.1:8787");
  vi.stubEnv("REACTOR_API_URL", "https://staging.reactor.example/v1/");
  expect(connectSrc(run())).toBe("'self' https://staging.reactor.example");
});

test("with an invalid config (no key), connect-src is only 'self'", () => {
  vi.stubEnv("REACTOR_API_KEY", "");
  expect(connectSrc(run())).toBe("'self'");
});

test("'unsafe-eval' only under next dev", () => {
  expect(csp(run())).not.toContain("'unsafe-eval'");
  vi.stubEnv("NODE_ENV", "development");
  expect(csp(run())).toContain("'unsafe-eval'");
});

describe("matcher", () => {
  test.each(["/", "/some/page", "/api/token/other", "/api/tokens"])(
    "runs on %s",
    (url) => {
      expect(unstable_doesMiddlewareMatch({ config, url })).toBe(true);
    },
  );

  test.each([
    // Sets its own nosniff and Cache-Control (tests/app/api/token/route.test.ts).
    "/api/token",
    "/api/token?x=1",
    "/_next/static/chunks/main.js",
    "/_next/image?url=%2Fa.png&w=64&q=75",
    "/favicon.ico",
  ])("skips %s", (url) => {
    expect(unstable_doesMiddlewareMatch({ config, url })).toBe(false);
  });

  test("skips link prefetches", () => {
    expect(
      unstable_doesMiddlewareMatch({
        config,
        url: "/",
        headers: { "next-router-prefetch": "1" },
      }),
    ).toBe(false);
  });
});
