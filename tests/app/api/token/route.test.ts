// @vitest-environment node
import { http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import * as route from "@/app/api/token/route";
import type * as AuthorizeModule from "@/lib/server/authorize";
import type { AuthorizeResult } from "@/lib/server/authorize";
import { resetTokenRateLimits } from "@/lib/server/rate-limit";
import { TOKEN_ERROR_STATUS, type TokenErrorCode } from "@/lib/token-errors";
import { tokenErrorBodySchema, tokenResponseSchema } from "@/lib/token-schema";
import {
  UPSTREAM_API_URL,
  UPSTREAM_JWT,
  UPSTREAM_TOKENS_URL,
  UPSTREAM_UNKNOWN_KEY_BODY,
} from "@test/fixtures/upstream-token";
import { countRequests, server } from "@test/msw/server";
import { captureConsole, stubServerEnv } from "@test/support/server-env";

// A replaceable authorize(): Next allows only handler and segment-config
// exports in route.ts, so the route cannot export a seam itself.
const seams = vi.hoisted(() => ({
  authorize: undefined as
    ((request: Request) => Promise<AuthorizeResult>) | undefined,
}));

vi.mock("@/lib/server/authorize", async (importOriginal) => {
  const actual = await importOriginal<typeof AuthorizeModule>();
  return {
    authorize: (request: Request) =>
      (seams.authorize ?? actual.authorize)(request),
  };
});

/** Must never appear in any body, header or console line. */
const CANARY_KEY = "rk_canary_7f3e9b1d2c4a6e8f";

let logged: () => string[];
let upstream: { readonly count: number };

beforeEach(() => {
  stubServerEnv({
    REACTOR_API_KEY: CANARY_KEY,
    REACTOR_API_URL: UPSTREAM_API_URL,
  });
  resetTokenRateLimits();
  seams.authorize = undefined;
  upstream = countRequests();
  logged = captureConsole();
});

afterEach(() => {
  // Every test, whatever it exercised, also proves the key never reached a log.
  for (const line of logged()) expect(line).not.toContain(CANARY_KEY);
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  server.events.removeAllListeners();
});

function tokenRequest(headers: Record<string, string> = {}): Request {
  return new Request("http://localhost:3000/api/token", {
    headers: { "sec-fetch-site": "same-origin", ...headers },
  });
}

/** Call GET and check what every response must satisfy: no key, never cacheable, nosniff (proxy.ts skips this route). */
async function get(request: Request = tokenRequest()) {
  const response = await route.GET(request);
  const text = await response.text();
  expect(text).not.toContain(CANARY_KEY);
  for (const [name, value] of response.headers) {
    expect(`${name}: ${value}`).not.toContain(CANARY_KEY);
  }
  expect(response.headers.get("Cache-Control")).toBe("private, no-store");
  expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
  expect(response.headers.get("Content-Type")).toContain("application/json");
  return { response, body: JSON.parse(text) as unknown };
}

/** Call GET expecting an error with `code`; returns its message. */
async function expectError(code: TokenErrorCode, request?: Request) {
  const { response, body } = await get(request);
  expect(response.status).toBe(TOKEN_ERROR_STATUS[code]);
  const parsed = tokenErrorBodySchema.parse(body);
  expect(parsed.error.code).toBe(code);
  return { response, message: parsed.error.message };
}

test("exports only GET, and HEAD so Next does not derive one from GET", () => {
  expect(Object.keys(route).sort()).toEqual(["GET", "HEAD"]);
});

test("HEAD never mints: 405 with Allow: GET, uncacheable", async () => {
  const response = route.HEAD();
  expect(response.status).toBe(405);
  expect(response.headers.get("Allow")).toBe("GET");
  expect(response.headers.get("Cache-Control")).toBe("private, no-store");
  expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
  expect(await response.text()).toBe("");
  expect(upstream.count).toBe(0);
});

describe("success", () => {
  test("200 with { jwt, expiresAt } in the shared schema, expiresAt in epoch ms", async () => {
    const before = Date.now();
    const { response, body } = await get();
    expect(response.status).toBe(200);
    const token = tokenResponseSchema.parse(body);
    expect(token.jwt).toBe(UPSTREAM_JWT);
    // Default lifetime is Reactor's 6 h maximum; Reactor reports whole seconds.
    expect(token.expiresAt).toBeGreaterThan(before + 21_590_000);
    expect(token.expiresAt).toBeLessThanOrEqual(Date.now() + 21_600_000);
    expect(Object.keys(body as object).sort()).toEqual(["expiresAt", "jwt"]);
  });

  test("mints with the configured key, model, lifetime and session budget", async () => {
    vi.stubEnv("REACTOR_MODEL", "acme/dreams");
    vi.stubEnv("REACTOR_TOKEN_LIFETIME_SECONDS", "7200");
    vi.stubEnv("REACTOR_TOKEN_MAX_SESSIONS", "4");
    let sent: { key: string | null; body: unknown } | undefined;
    const expiresAt = Math.floor(Date.now() / 1000) + 7200;
    server.use(
      http.post(UPSTREAM_TOKENS_URL, async ({ request }) => {
        sent = {
          key: request.headers.get("Reactor-API-Key"),
          body: await request.json(),
        };
        return HttpResponse.json({ jwt: UPSTREAM_JWT, expires_at: expiresAt });
      }),
    );
    const { response, body } = await get();
    expect(response.status).toBe(200);
    expect(body).toEqual({ jwt: UPSTREAM_JWT, expiresAt: expiresAt * 1000 });
    expect(sent).toEqual({
      key: CANARY_KEY,
      body: {
        expires_after: 7200,
        authorization_details: [
          {
            type: "session",
            resources: { models: { match: ["acme/dreams"] } },
            constraints: { max_sessions: 4 },
          },
        ],
      },
    });
  });

  test("a request with neither Sec-Fetch-Site nor Origin (curl) is served", async () => {
    const { response } = await get(
      new Request("http://localhost:3000/api/token"),
    );
    expect(response.status).toBe(200);
  });
});

// Each upstream failure's code and message: tests/lib/server/mint-token.test.ts.
// Here: that the route answers a mint failure with its code's status and body.
describe("mint failures", () => {
  test("Reactor 401 → 502 key_rejected with the mint's message, no Retry-After", async () => {
    server.use(
      http.post(UPSTREAM_TOKENS_URL, () =>
        HttpResponse.json(UPSTREAM_UNKNOWN_KEY_BODY, { status: 401 }),
      ),
    );
    const { response, message } = await expectError("key_rejected");
    expect(response.status).toBe(502);
    expect(response.headers.get("Retry-After")).toBeNull();
    expect(message).toContain("REACTOR_API_KEY");
  });

  test("Reactor 429 → 429 upstream_rate_limited with Reactor's Retry-After", async () => {
    server.use(
      http.post(
        UPSTREAM_TOKENS_URL,
        () =>
          new HttpResponse(null, {
            status: 429,
            headers: { "Retry-After": "17" },
          }),
      ),
    );
    const { response } = await expectError("upstream_rate_limited");
    expect(response.headers.get("Retry-After")).toBe("17");
  });

  test("an upstream body that quotes the key is never forwarded", async () => {
    server.use(
      http.post(UPSTREAM_TOKENS_URL, ({ request }) =>
        HttpResponse.json(
          { error: `unknown key ${request.headers.get("Reactor-API-Key")}` },
          { status: 401 },
        ),
      ),
    );
    await expectError("key_rejected"); // get() asserts the canary is absent
  });

  test("failures are logged for the operator, without the key", async () => {
    server.use(
      http.post(
        UPSTREAM_TOKENS_URL,
        () => new HttpResponse(null, { status: 503 }),
      ),
    );
    await expectError("upstream_error");
    expect(console.error).toHaveBeenCalledWith(
      expect.stringContaining("upstream_error"),
    );
  });
});

describe("configuration", () => {
  test("no key → 500 not_configured saying what to set and where, without calling Reactor", async () => {
    vi.stubEnv("REACTOR_API_KEY", "");
    const { message } = await expectError("not_configured");
    expect(message).toContain("REACTOR_API_KEY");
    expect(message).toContain(".env.local");
    expect(upstream.count).toBe(0);
  });

  test("a malformed key is reported without echoing it", async () => {
    vi.stubEnv("REACTOR_API_KEY", "sk_canary_7f3e9b1d2c4a6e8f");
    const { message } = await expectError("not_configured");
    expect(message).not.toContain("7f3e9b1d2c4a6e8f");
  });

  test("every configuration problem is in the one message", async () => {
    vi.stubEnv("REACTOR_API_KEY", "");
    vi.stubEnv("REACTOR_MODEL", "helios");
    const { message } = await expectError("not_configured");
    expect(message).toContain("REACTOR_API_KEY");
    expect(message).toContain("REACTOR_MODEL");
  });

  test("the configuration is read per request: a fixed key works on the next call", async () => {
    vi.stubEnv("REACTOR_API_KEY", "");
    await expectError("not_configured");
    vi.stubEnv("REACTOR_API_KEY", CANARY_KEY);
    const { response } = await get();
    expect(response.status).toBe(200);
  });
});

describe("cross-site requests", () => {
  test("Sec-Fetch-Site: cross-site → 403 cross_site, naming the allow-list", async () => {
    const { message } = await expectError(
      "cross_site",
      tokenRequest({
        "sec-fetch-site": "cross-site",
        origin: "https://evil.example",
      }),
    );
    expect(message).toContain("REACTOR_ALLOWED_ORIGINS");
    expect(upstream.count).toBe(0);
  });

  test("a foreign Origin without Sec-Fetch-Site → 403 cross_site", async () => {
    await expectError(
      "cross_site",
      new Request("http://localhost:3000/api/token", {
        headers: { origin: "https://evil.example" },
      }),
    );
  });

  test("an allow-listed origin is served, with CORS headers so its page can read the token", async () => {
    vi.stubEnv("REACTOR_ALLOWED_ORIGINS", "https://partner.example.com");
    const { response } = await get(
      tokenRequest({
        "sec-fetch-site": "cross-site",
        origin: "https://partner.example.com",
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe(
      "https://partner.example.com",
    );
    expect(response.headers.get("Vary")).toBe("Origin");
  });

  test("same-origin responses carry no CORS header", async () => {
    const { response } = await get();
    expect(response.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });

  test("is checked before configuration, so a foreign site learns nothing about it", async () => {
    vi.stubEnv("REACTOR_API_KEY", "");
    await expectError(
      "cross_site",
      tokenRequest({ "sec-fetch-site": "cross-site" }),
    );
  });
});

describe("authorize()", () => {
  test("a refusal → 401 unauthorized with the app's message, before any mint", async () => {
    seams.authorize = async () => ({
      allowed: false,
      message: "Sign in to start a stream.",
    });
    const { message } = await expectError("unauthorized");
    expect(message).toBe("Sign in to start a stream.");
    expect(upstream.count).toBe(0);
  });

  test("a refusal without a message gets a default one", async () => {
    seams.authorize = async () => ({ allowed: false });
    const { message } = await expectError("unauthorized");
    expect(message).toContain("Sign in");
  });

  test("refused requests do not spend the caller's rate limit", async () => {
    vi.stubEnv("TOKEN_RATE_LIMIT_PER_MINUTE", "1");
    seams.authorize = async () => ({ allowed: false });
    await expectError("unauthorized");
    await expectError("unauthorized");
    seams.authorize = undefined;
    expect((await get()).response.status).toBe(200);
  });
});

describe("rate limit", () => {
  const from = (ip: string) => tokenRequest({ "x-real-ip": ip });

  /** n requests, each from a different forged address; the statuses. */
  async function rotatingAddresses(n: number) {
    const statuses: number[] = [];
    for (let i = 0; i < n; i++) {
      statuses.push((await get(from(`203.0.113.${i}`))).response.status);
    }
    return statuses;
  }

  test("past the per-minute limit → 429 rate_limited with Retry-After, per client", async () => {
    vi.stubEnv("TRUST_PROXY_HEADERS", "1");
    vi.stubEnv("TOKEN_RATE_LIMIT_PER_MINUTE", "2");
    expect((await get(from("203.0.113.1"))).response.status).toBe(200);
    expect((await get(from("203.0.113.1"))).response.status).toBe(200);
    const { response, message } = await expectError(
      "rate_limited",
      from("203.0.113.1"),
    );
    // The window is the minute that the first request started.
    const retryAfter = Number(response.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThanOrEqual(59);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(message).toBe(
      `Too many token requests from this client. Wait ${retryAfter} s and try again.`,
    );
    expect(upstream.count).toBe(2);
    expect((await get(from("203.0.113.2"))).response.status).toBe(200);
  });

  test("untrusted headers (no TRUST_PROXY_HEADERS, not Vercel): forged addresses share one bucket", async () => {
    const statuses = await rotatingAddresses(40);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
    expect(statuses.slice(10)).toEqual(Array(30).fill(429));
    expect(upstream.count).toBe(10);
  });

  test("on Vercel the headers are trusted: each address has its own bucket", async () => {
    vi.stubEnv("VERCEL", "1");
    vi.stubEnv("TOKEN_RATE_LIMIT_PER_MINUTE", "1");
    expect(await rotatingAddresses(3)).toEqual([200, 200, 200]);
    await expectError("rate_limited", from("203.0.113.0"));
  });

  test("trusted headers: rotating addresses stops at the deployment-wide ceiling (default 30)", async () => {
    vi.stubEnv("TRUST_PROXY_HEADERS", "1");
    const statuses = await rotatingAddresses(40);
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(200));
    expect(statuses.slice(30)).toEqual(Array(10).fill(429));
    expect(upstream.count).toBe(30);
    const { response, message } = await expectError(
      "rate_limited",
      from("198.51.100.1"),
    );
    expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(message).toMatch(/^This app is handing out too many stream tokens/);
    expect(console.warn).toHaveBeenCalledWith(
      expect.stringContaining("TOKEN_RATE_LIMIT_GLOBAL_PER_MINUTE"),
    );
  });

  test("TOKEN_RATE_LIMIT_GLOBAL_PER_MINUTE=0 turns the ceiling off", async () => {
    vi.stubEnv("TRUST_PROXY_HEADERS", "1");
    vi.stubEnv("TOKEN_RATE_LIMIT_GLOBAL_PER_MINUTE", "0");
    expect(await rotatingAddresses(40)).toEqual(Array(40).fill(200));
  });

  test("defaults to 10 a minute", async () => {
    for (let i = 0; i < 10; i++)
      expect((await get()).response.status).toBe(200);
    await expectError("rate_limited");
  });

  test("counts per user when authorize() names one, across addresses", async () => {
    vi.stubEnv("TOKEN_RATE_LIMIT_PER_MINUTE", "1");
    seams.authorize = async () => ({ allowed: true, userId: "user_42" });
    expect((await get(from("203.0.113.1"))).response.status).toBe(200);
    await expectError("rate_limited", from("198.51.100.7"));
  });

  test("applies even while the server is not configured", async () => {
    vi.stubEnv("REACTOR_API_KEY", "");
    vi.stubEnv("TOKEN_RATE_LIMIT_PER_MINUTE", "1");
    await expectError("not_configured");
    await expectError("rate_limited");
  });

  test("TOKEN_RATE_LIMIT_PER_MINUTE=0 turns the per-client limit off", async () => {
    vi.stubEnv("TOKEN_RATE_LIMIT_PER_MINUTE", "0");
    for (let i = 0; i < 15; i++)
      expect((await get()).response.status).toBe(200);
  });
});

describe("unexpected errors", () => {
  test("→ generic 500 internal_error without message or stack; the log masks the key", async () => {
    seams.authorize = async () => {
      throw new Error(`database exploded near ${CANARY_KEY}`);
    };
    const { message } = await expectError("internal_error");
    expect(message).not.toContain("database");
    expect(message).not.toMatch(/\bat .*:\d+/);
    expect(console.error).toHaveBeenCalledWith(
      expect.stringContaining("database exploded near [REACTOR_API_KEY]"),
    );
  });
});
