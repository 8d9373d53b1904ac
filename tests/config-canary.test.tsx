// @vitest-environment node
import type * as NextServer from "next/server";
import { NextRequest } from "next/server";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import * as route from "@/app/api/token/route";
import Page from "@/app/page";
import { readServerConfig } from "@/lib/server/env";
import { resetTokenRateLimits } from "@/lib/server/rate-limit";
import { proxy } from "@/proxy";
import { captureConsole, stubServerEnv } from "@test/support/server-env";

// A secret pasted into the wrong variable, or a password inside
// REACTOR_API_URL, must not reach anonymous visitors: not the setup screen,
// not the token route's body or headers, not the proxy's headers, not a log
// line. Each case puts a canary inside every variable it sets.

vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof NextServer>()),
  // The page awaits connection() to render per request; nothing to wait for here.
  connection: async () => undefined,
}));

/** Lowercase letters and digits, so it is valid inside host names too. */
const CANARY = "cnry4f8a2e61";

const cases: Record<string, Record<string, string>> = {
  "every variable invalid, a password in the URL": {
    REACTOR_API_KEY: `sk_${CANARY}`,
    REACTOR_MODEL: CANARY,
    REACTOR_API_URL: `https://reactor:${CANARY}@api.reactor.test`,
    REACTOR_TOKEN_LIFETIME_SECONDS: `9${CANARY}`,
    REACTOR_TOKEN_MAX_SESSIONS: `${CANARY}`,
    REACTOR_ALLOWED_ORIGINS: `https://ok.example, https://${CANARY}.example/${CANARY}`,
    TOKEN_RATE_LIMIT_PER_MINUTE: `-${CANARY}`,
    TOKEN_RATE_LIMIT_GLOBAL_PER_MINUTE: `-${CANARY}`,
    TRUST_PROXY_HEADERS: CANARY,
    REDIS_URL: `https://default:${CANARY}@${CANARY}.upstash.test:6379`,
    REACTOR_IDLE_DISCONNECT_SECONDS: `${CANARY}`,
    REACTOR_HIDDEN_DISCONNECT_SECONDS: `1${CANARY}`,
  },
  "a user name only in the URL, the key pasted into the model": {
    REACTOR_API_KEY: "",
    REACTOR_MODEL: `rk_${CANARY} `,
    REACTOR_API_URL: `https://${CANARY}@api.reactor.test/base`,
  },
  "a token in the URL's query": {
    REACTOR_API_KEY: `rk_${CANARY}`,
    REACTOR_API_URL: `https://api.reactor.test/?token=${CANARY}`,
  },
  "a secret in the URL's fragment": {
    REACTOR_API_KEY: `rk_${CANARY}`,
    REACTOR_API_URL: `https://api.reactor.test/#${CANARY}`,
  },
  "a URL that does not parse": {
    REACTOR_API_KEY: `rk_${CANARY}`,
    REACTOR_API_URL: `https://user:${CANARY}@[bad`,
  },
  "a URL with another scheme": {
    REACTOR_API_KEY: `rk_${CANARY}`,
    REACTOR_API_URL: `ftp://user:${CANARY}@files.reactor.test`,
  },
  "plain http to a remote host in production": {
    REACTOR_API_KEY: `rk_${CANARY}`,
    REACTOR_API_URL: `http://${CANARY}.reactor.test`,
  },
  "a key with a space in it": {
    REACTOR_API_KEY: `rk_${CANARY} x`,
  },
};

let logged: () => string[];

beforeEach(() => {
  stubServerEnv({ NODE_ENV: "production" });
  resetTokenRateLimits();
  logged = captureConsole();
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

function expectNoCanary(where: string, text: string) {
  expect(text, where).not.toContain(CANARY);
}

function headerLines(headers: Headers): string {
  return [...headers].map(([name, value]) => `${name}: ${value}`).join("\n");
}

describe.each(Object.entries(cases))("%s", (_, env) => {
  beforeEach(() => {
    for (const [variable, value] of Object.entries(env)) {
      vi.stubEnv(variable, value);
    }
  });

  test("the configuration is refused, naming each variable", () => {
    const result = readServerConfig();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const [variable, value] of Object.entries(env)) {
      // A well-formed key is accepted; the other variable is what fails.
      const wellFormedKey =
        variable === "REACTOR_API_KEY" && /^rk_\S+$/.test(value);
      if (value.includes(CANARY) && !wellFormedKey) {
        expect(result.issues.map((issue) => issue.variable)).toContain(
          variable,
        );
      }
    }
  });

  test("no page, response body, header or log line contains the canary", async () => {
    const html = renderToStaticMarkup(await Page());
    expect(html).toContain("Setup required");
    expectNoCanary("setup page", html);

    const response = await route.GET(
      new Request("http://localhost:3000/api/token", {
        headers: { "sec-fetch-site": "same-origin" },
      }),
    );
    const body = await response.text();
    expect(body).toContain("not_configured");
    expectNoCanary("token body", body);
    expectNoCanary("token headers", headerLines(response.headers));

    const proxied = proxy(new NextRequest("http://localhost:3000/"));
    expectNoCanary("proxy headers", headerLines(proxied.headers));

    for (const line of logged()) expectNoCanary("log line", line);
  });
});
