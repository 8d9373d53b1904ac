// @vitest-environment node
import { describe, expect, test } from "vitest";
import {
  contentSecurityPolicy,
  createNonce,
  securityHeaders,
} from "@/lib/server/security-headers";

/** CSP string → { directive: sources[] }. */
function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(
    csp.split(";").map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

const base = {
  nonce: "bm9uY2U=",
  reactorApiUrl: "https://api.reactor.inc",
  isDevelopment: false,
};

describe("contentSecurityPolicy", () => {
  test("production: nonce + strict-dynamic scripts, no eval, and the documented directives", () => {
    expect(directives(contentSecurityPolicy(base))).toEqual({
      "default-src": ["'self'"],
      "script-src": ["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"],
      "style-src": ["'self'", "'unsafe-inline'"],
      "img-src": ["'self'", "data:", "blob:"],
      "font-src": ["'self'"],
      "media-src": ["'self'", "blob:", "mediastream:"],
      "connect-src": ["'self'", "https://api.reactor.inc"],
      "object-src": ["'none'"],
      "base-uri": ["'self'"],
      "form-action": ["'self'"],
      "frame-ancestors": ["'none'"],
    });
  });

  test("development adds 'unsafe-eval' to script-src only", () => {
    const dev = directives(
      contentSecurityPolicy({ ...base, isDevelopment: true }),
    );
    expect(dev["script-src"]).toContain("'unsafe-eval'");
    expect(
      contentSecurityPolicy({ ...base, isDevelopment: true }).match(
        /unsafe-eval/g,
      ),
    ).toHaveLength(1);
  });

  test("connect-src names the API's origin, not its path", () => {
    expect(
      directives(
        contentSecurityPolicy({
          ...base,
          reactorApiUrl: "http://127.0.0.1:8787/some/base",
        }),
      )["connect-src"],
    ).toEqual(["'self'", "http://127.0.0.1:8787"]);
  });

  test("without a valid config, connect-src is only 'self'", () => {
    expect(
      directives(contentSecurityPolicy({ ...base, reactorApiUrl: undefined }))[
        "connect-src"
      ],
    ).toEqual(["'self'"]);
  });
});

test("securityHeaders sets referrer, nosniff and camera/microphone for self only", () => {
  const headers = securityHeaders(base);
  expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["X-Content-Type-Options"]).toBe("nosniff");
  expect(headers["Permissions-Policy"]).toContain("camera=(self)");
  expect(headers["Permissions-Policy"]).toContain("microphone=(self)");
  expect(headers["Content-Security-Policy"]).toBe(contentSecurityPolicy(base));
});

test("createNonce is 128 random bits in base64, different every call", () => {
  const nonces = new Set(Array.from({ length: 100 }, createNonce));
  expect(nonces.size).toBe(100);
  for (const nonce of nonces) {
    expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
  }
});
