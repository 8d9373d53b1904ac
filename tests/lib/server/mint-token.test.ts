// @vitest-environment node
import { AsyncLocalStorage } from "node:async_hooks";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { delay, http, HttpResponse, type JsonBodyType } from "msw";
import { describe, expect, test } from "vitest";
import {
  DEFAULT_UPSTREAM_RETRY_AFTER_SECONDS,
  MAX_JWT_LENGTH,
  MAX_UPSTREAM_BODY_BYTES,
  mintToken,
  parseRetryAfter,
  type MintConfig,
} from "@/lib/server/mint-token";
import { TokenError, type TokenErrorCode } from "@/lib/token-errors";
import { tokenResponseSchema } from "@/lib/token-schema";
import {
  MALFORMED_UPSTREAM_BODIES,
  TEST_API_KEY,
  UPSTREAM_API_URL,
  UPSTREAM_JWT,
  UPSTREAM_TOKENS_URL,
  UPSTREAM_UNKNOWN_KEY_BODY,
  upstreamToken,
} from "@test/fixtures/upstream-token";
import { server } from "@test/msw/server";

// The garbage collector on demand, without starting Node with --expose-gc.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

const config: MintConfig = {
  apiKey: TEST_API_KEY,
  apiUrl: UPSTREAM_API_URL,
  model: "reactor/helios",
  tokenLifetimeSeconds: 3600,
  tokenMaxSessions: 10,
};

/** The TokenError mintToken rejects with; fails the test if it resolves. */
async function mintError(
  options?: Parameters<typeof mintToken>[1],
  overrides: Partial<MintConfig> = {},
): Promise<TokenError> {
  const error: unknown = await mintToken(
    { ...config, ...overrides },
    options,
  ).then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(TokenError);
  const tokenError = error as TokenError;
  expect(tokenError.message).not.toContain(TEST_API_KEY);
  return tokenError;
}

function answer(status: number, init?: ResponseInit) {
  server.use(
    http.post(UPSTREAM_TOKENS_URL, () =>
      HttpResponse.json(UPSTREAM_UNKNOWN_KEY_BODY, { status, ...init }),
    ),
  );
}

/** A 200 with `body` as JSON. */
function answerJson(body: JsonBodyType) {
  server.use(http.post(UPSTREAM_TOKENS_URL, () => HttpResponse.json(body)));
}

/** A 200 that says JSON and sends `body` as is: a stream or raw text. */
function answerRaw(body: BodyInit) {
  server.use(
    http.post(
      UPSTREAM_TOKENS_URL,
      () =>
        new HttpResponse(body, {
          headers: { "Content-Type": "application/json" },
        }),
    ),
  );
}

/** Unix seconds `offset` seconds from now, as Reactor would send it. */
const inSeconds = (offset: number) => Math.floor(Date.now() / 1000) + offset;

test("returns the JWT with expiresAt converted from seconds to milliseconds", async () => {
  const expiresAt = inSeconds(3600);
  answerJson({ jwt: UPSTREAM_JWT, expires_at: expiresAt });
  const token = await mintToken(config);
  expect(token).toEqual({ jwt: UPSTREAM_JWT, expiresAt: expiresAt * 1000 });
  expect(tokenResponseSchema.parse(token)).toEqual(token);
});

test("the default happy-path handler mints a token that lives for the requested lifetime", async () => {
  const before = Date.now();
  const token = await mintToken({ ...config, tokenLifetimeSeconds: 1800 });
  expect(token.jwt).toBe(UPSTREAM_JWT);
  expect(token.expiresAt).toBeGreaterThanOrEqual(
    Math.floor(before / 1000) * 1000 + 1_800_000,
  );
  expect(token.expiresAt).toBeLessThanOrEqual(Date.now() + 1_800_000);
});

test("sends exactly POST {apiUrl}/tokens with the key header and a scoped JSON body", async () => {
  const seen: Request[] = [];
  server.events.on("request:start", ({ request }) => {
    seen.push(request.clone());
  });
  try {
    await mintToken({
      ...config,
      model: "acme/dreams",
      tokenLifetimeSeconds: 7200,
      tokenMaxSessions: 3,
    });
  } finally {
    server.events.removeAllListeners();
  }

  expect(seen).toHaveLength(1);
  const request = seen[0]!;
  expect(request.method).toBe("POST");
  expect(request.url).toBe("https://api.reactor.test/tokens");
  expect(request.headers.get("Reactor-API-Key")).toBe(TEST_API_KEY);
  expect(request.headers.get("Content-Type")).toBe("application/json");
  // The legacy header must not be sent alongside: it is deprecated upstream.
  expect(request.headers.get("X-API-Key")).toBeNull();
  expect(request.headers.get("Authorization")).toBeNull();
  expect(await request.json()).toEqual({
    expires_after: 7200,
    authorization_details: [
      {
        type: "session",
        resources: { models: { match: ["acme/dreams"] } },
        constraints: { max_sessions: 3 },
      },
    ],
  });
});

test("appends /tokens to a base URL that has a path", async () => {
  let url = "";
  server.use(
    http.post("https://proxy.reactor.test/reactor/tokens", ({ request }) => {
      url = request.url;
      return HttpResponse.json({
        jwt: UPSTREAM_JWT,
        expires_at: inSeconds(3600),
      });
    }),
  );
  await mintToken({ ...config, apiUrl: "https://proxy.reactor.test/reactor" });
  expect(url).toBe("https://proxy.reactor.test/reactor/tokens");
});

describe("upstream status codes", () => {
  test("401 → key_rejected (502), pointing at REACTOR_API_KEY and the dashboard", async () => {
    answer(401);
    const error = await mintError();
    expect(error.code).toBe("key_rejected");
    expect(error.status).toBe(502);
    expect(error.message).toContain("REACTOR_API_KEY");
    expect(error.message).toContain("https://reactor.inc");
  });

  test("403 → key_rejected (502), naming the model the key may not use", async () => {
    answer(403);
    const error = await mintError(undefined, { model: "acme/private" });
    expect(error.code).toBe("key_rejected");
    expect(error.message).toContain("acme/private");
    expect(error.message).toContain("REACTOR_MODEL");
  });

  test("429 with Retry-After seconds → upstream_rate_limited (429) passing the wait through", async () => {
    answer(429, { headers: { "Retry-After": "17" } });
    const error = await mintError();
    expect(error.code).toBe("upstream_rate_limited");
    expect(error.status).toBe(429);
    expect(error.retryAfterSeconds).toBe(17);
    expect(error.message).toContain("17 s");
  });

  test("429 with an HTTP-date Retry-After → seconds until that date", async () => {
    answer(429, {
      headers: { "Retry-After": new Date(Date.now() + 42_000).toUTCString() },
    });
    const error = await mintError();
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(41);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(43);
  });

  test("429 without Retry-After still tells the caller how long to wait", async () => {
    answer(429);
    const error = await mintError();
    expect(error.retryAfterSeconds).toBe(DEFAULT_UPSTREAM_RETRY_AFTER_SECONDS);
  });

  test.each([500, 502, 503])("%s → upstream_error (502)", async (status) => {
    answer(status);
    const error = await mintError();
    expect(error.code).toBe("upstream_error");
    expect(error.status).toBe(502);
    expect(error.message).toContain(`HTTP ${status}`);
  });

  test("404 (e.g. a wrong base URL) → upstream_error naming REACTOR_API_URL", async () => {
    answer(404);
    const error = await mintError();
    expect(error.code).toBe("upstream_error");
    expect(error.message).toContain("REACTOR_API_URL");
  });
});

describe("unreachable or slow upstream", () => {
  test("a network failure → upstream_error saying Reactor could not be reached", async () => {
    server.use(http.post(UPSTREAM_TOKENS_URL, () => HttpResponse.error()));
    const error = await mintError();
    expect(error.code).toBe("upstream_error");
    expect(error.message).toContain("Could not reach Reactor");
  });

  test("a plain-http base that is down suggests starting the emulator", async () => {
    server.use(
      http.post("http://emulator.reactor.test/tokens", () =>
        HttpResponse.error(),
      ),
    );
    const error = await mintError(undefined, {
      apiUrl: "http://emulator.reactor.test",
    });
    expect(error.message).toContain("npm run emulator");
  });

  test("no answer within the timeout → upstream_timeout (504), without waiting for upstream", async () => {
    server.use(
      http.post(UPSTREAM_TOKENS_URL, async () => {
        await delay("infinite");
        return HttpResponse.json({});
      }),
    );
    const started = performance.now();
    const error = await mintError({ timeoutMs: 50 });
    expect(error.code).toBe("upstream_timeout");
    expect(error.status).toBe(504);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  test("headers sent but the body stalls → upstream_timeout, not malformed", async () => {
    answerRaw(
      new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"jwt":"'));
        },
      }),
    );
    const error = await mintError({ timeoutMs: 100 });
    expect(error.code).toBe("upstream_timeout");
  });
});

describe("malformed 200 replies → upstream_malformed (502)", () => {
  test("a body that is not JSON", async () => {
    server.use(
      http.post(UPSTREAM_TOKENS_URL, () =>
        HttpResponse.html("<html>Welcome to nginx</html>"),
      ),
    );
    const error = await mintError();
    expect(error.code).toBe("upstream_malformed");
    expect(error.status).toBe(502);
    expect(error.message).toContain("REACTOR_API_URL");
  });

  test.each(Object.entries(MALFORMED_UPSTREAM_BODIES))(
    "%s",
    async (_, body) => {
      answerJson(body);
      const error = await mintError();
      expect(error.code).toBe<TokenErrorCode>("upstream_malformed");
    },
  );
});

describe("redirects are never followed", () => {
  test.each([301, 302, 307, 308])(
    "%s → upstream_error naming the redirect; the key never reaches the target",
    async (status) => {
      const atTarget: Request[] = [];
      server.use(
        http.post(
          UPSTREAM_TOKENS_URL,
          () =>
            new HttpResponse(null, {
              status,
              headers: {
                Location: "https://evil.reactor.test/steal?from=tokens",
              },
            }),
        ),
        http.all("https://evil.reactor.test/*", ({ request }) => {
          atTarget.push(request);
          return HttpResponse.json(upstreamToken(inSeconds(3600)));
        }),
      );
      const error = await mintError();
      expect(error.code).toBe("upstream_error");
      expect(error.message).toContain(`redirect (HTTP ${status})`);
      expect(error.message).toContain("https://evil.reactor.test");
      // Only the origin is named, never the path or query of the Location.
      expect(error.message).not.toContain("steal");
      expect(error.message).toContain("REACTOR_API_URL");
      expect(atTarget).toHaveLength(0);
    },
  );
});

describe("bounded replies", () => {
  test("a body over 64 KiB → upstream_malformed, without reading the rest", async () => {
    let pulled = 0;
    answerRaw(
      // An endless stream: only a reader that stops can finish.
      new ReadableStream({
        pull(controller) {
          pulled += 1;
          controller.enqueue(new Uint8Array(16 * 1024).fill(32));
        },
      }),
    );
    const error = await mintError();
    expect(error.code).toBe("upstream_malformed");
    expect(pulled).toBeLessThan(20);
  });

  test("a declared Content-Length over 64 KiB is refused before reading", async () => {
    answerRaw(" ".repeat(MAX_UPSTREAM_BODY_BYTES + 1));
    expect((await mintError()).code).toBe("upstream_malformed");
  });

  test("a valid token padded to just under 64 KiB is still accepted", async () => {
    const body = JSON.stringify(upstreamToken(inSeconds(3600)));
    answerRaw(body + " ".repeat(MAX_UPSTREAM_BODY_BYTES - body.length));
    expect((await mintToken(config)).jwt).toBe(UPSTREAM_JWT);
  });
});

describe("the token itself", () => {
  test.each([
    ["not three parts", "opaque-token"],
    ["four parts", `${UPSTREAM_JWT}.extra`],
    ["characters outside base64url", "a+b.c/d.e=f"],
    ["an empty signature part", "eyJh.eyJz."],
    ["over 8 KiB", `eyJh.${"a".repeat(MAX_JWT_LENGTH)}.c2ln`],
  ])("%s → upstream_malformed", async (_, jwt) => {
    answerJson({ jwt, expires_at: inSeconds(3600) });
    expect((await mintError()).code).toBe("upstream_malformed");
  });

  test("a JWT of exactly 8 KiB is accepted", async () => {
    const jwt = `eyJh.${"a".repeat(MAX_JWT_LENGTH - 10)}.c2ln`;
    expect(jwt).toHaveLength(MAX_JWT_LENGTH);
    answerJson({ jwt, expires_at: inSeconds(3600) });
    expect((await mintToken(config)).jwt).toBe(jwt);
  });
});

describe("expires_at must be a plausible time in seconds", () => {
  test.each([
    ["in milliseconds", () => Date.now() + 3_600_000],
    ["in the past", () => inSeconds(-10)],
    ["under a minute away", () => inSeconds(30)],
    [
      "beyond the requested lifetime plus 15 min",
      () => inSeconds(3600 + 15 * 60 + 60),
    ],
  ])("%s → upstream_malformed pointing at the clock", async (_, expiresAt) => {
    answerJson(upstreamToken(expiresAt()));
    const error = await mintError();
    expect(error.code).toBe("upstream_malformed");
    expect(error.message).toContain("clock");
  });

  test.each([
    ["just over a minute away", 90],
    ["exactly the requested lifetime", 3600],
    ["the requested lifetime plus 14 min of skew", 3600 + 14 * 60],
  ])("%s is accepted", async (_, offset) => {
    answerJson(upstreamToken(inSeconds(offset)));
    expect((await mintToken(config)).expiresAt).toBe(inSeconds(offset) * 1000);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2030-01-01T00:00:00Z");

  test.each([
    ["5", 5],
    [" 120 ", 120],
    ["0", 1],
    ["999999", 3600],
    ["Tue, 01 Jan 2030 00:00:30 GMT", 30],
    ["Mon, 31 Dec 2029 23:59:00 GMT", 1],
  ])("%j → %s", (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });

  test.each([null, "", "soon", "-5"])("%j → undefined", (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});

describe("after the mint", () => {
  // The bug this guards: AbortSignal.timeout() keeps its timer, and with it
  // the async context the mint ran in (under Next, the whole request), alive
  // for the full timeout after the mint is done. Under load that held every
  // request of the last 8 s in memory. A real loopback server, not msw: the
  // retention comes from undici's own fetch.
  test("nothing of the caller's async context outlives a finished mint", async () => {
    const upstream = createServer((_, response) => {
      response.setHeader("Content-Type", "application/json");
      response.end(JSON.stringify(upstreamToken(inSeconds(3600))));
    });
    await new Promise<void>((resolve) =>
      upstream.listen(0, "127.0.0.1", resolve),
    );
    const { port } = upstream.address() as AddressInfo;
    const apiUrl = `http://127.0.0.1:${port}`;
    const context = new AsyncLocalStorage<object>();
    /** A mint inside a request-like context; a weak handle on that context. */
    const mintInContext = async () => {
      let request!: WeakRef<object>;
      await context.run({ body: new Array(1e5).fill(0) }, async () => {
        request = new WeakRef(context.getStore()!);
        await mintToken({ ...config, apiUrl });
      });
      return request;
    };
    try {
      // Node, undici and the test runner create some things on the first
      // mints (the pooled socket, timer lists), and those keep the context
      // they were made in: measured from the third on.
      for (let i = 0; i < 2; i++) await mintInContext();
      const requests = [];
      for (let i = 0; i < 3; i++) requests.push(await mintInContext());
      // Twice, a macrotask apart: undici settles its bookkeeping after the body.
      for (let i = 0; i < 2; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        collectGarbage();
      }
      expect(requests.map((request) => request.deref() !== undefined)).toEqual([
        false,
        false,
        false,
      ]);
    } finally {
      upstream.closeAllConnections();
      await new Promise((resolve) => upstream.close(resolve));
    }
  });
});
