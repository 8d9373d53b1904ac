// @vitest-environment node
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, test, vi } from "vitest";
import {
  API_KEY_PLACEHOLDER,
  DEFAULT_MODEL,
  readAccessConfig,
  readServerConfig,
  SERVER_ENV_VARIABLES,
  toPublicConfig,
  type ServerConfig,
  type ServerConfigResult,
} from "@/lib/server/env";

const KEY = "rk_test_0123456789abcdef";

afterEach(() => {
  vi.unstubAllEnvs();
});

function configOf(result: ServerConfigResult): ServerConfig {
  if (!result.ok)
    throw new Error(`expected ok, got ${JSON.stringify(result.issues)}`);
  return result.config;
}

function issuesOf(result: ServerConfigResult) {
  if (result.ok) throw new Error("expected issues, got a valid config");
  return result.issues;
}

/** The config `env` gives beside a valid key; fails the test on any issue. */
const configWith = (env: Record<string, string>) =>
  configOf(readServerConfig({ REACTOR_API_KEY: KEY, ...env }));

/** The single issue for `variable`, asserting there is exactly one issue overall. */
function onlyIssue(env: Record<string, string>, variable: string): string {
  const issues = issuesOf(readServerConfig({ REACTOR_API_KEY: KEY, ...env }));
  expect(issues.map((issue) => issue.variable)).toEqual([variable]);
  return issues[0]!.message;
}

describe("defaults", () => {
  test("a key alone gives a complete config with the documented defaults", () => {
    expect(configOf(readServerConfig({ REACTOR_API_KEY: KEY }))).toEqual({
      apiKey: KEY,
      model: "reactor/helios",
      apiUrl: "https://api.reactor.inc",
      tokenLifetimeSeconds: 21600,
      tokenMaxSessions: 10,
      allowedOrigins: [],
      rateLimitPerMinute: 10,
      rateLimitGlobalPerMinute: 30,
      trustProxyHeaders: false,
      redisUrl: undefined,
      usingEmulator: false,
      idleDisconnectSeconds: 180,
      hiddenDisconnectSeconds: 60,
    });
  });

  test("empty and whitespace-only optional variables mean the default", () => {
    // Every variable but the key, alternately empty and blank.
    const blank = Object.fromEntries(
      SERVER_ENV_VARIABLES.filter((name) => name !== "REACTOR_API_KEY").map(
        (name, i) => [name, i % 2 ? "  " : ""],
      ),
    );
    expect(configWith(blank)).toEqual(configWith({}));
  });

  test("reads process.env at call time, so a changed variable applies without re-importing", () => {
    vi.stubEnv("REACTOR_API_KEY", KEY);
    vi.stubEnv("REACTOR_MODEL", "acme/first");
    expect(configOf(readServerConfig()).model).toBe("acme/first");
    vi.stubEnv("REACTOR_MODEL", "acme/second");
    expect(configOf(readServerConfig()).model).toBe("acme/second");
  });
});

describe("REACTOR_API_KEY", () => {
  test.each([
    ["unset", {}],
    ["empty", { REACTOR_API_KEY: "" }],
    ["whitespace", { REACTOR_API_KEY: "   " }],
  ])(
    "%s: says it is not set, where to get one and how to apply it",
    (_, env) => {
      const issues = issuesOf(readServerConfig(env));
      expect(issues).toHaveLength(1);
      expect(issues[0]!.variable).toBe("REACTOR_API_KEY");
      expect(issues[0]!.message).toContain("not set");
      expect(issues[0]!.message).toContain("https://reactor.inc");
      expect(issues[0]!.message).toContain(".env.local");
      expect(issues[0]!.message).toContain("restart the dev server");
    },
  );

  test("the .env.example placeholder is rejected as the placeholder", () => {
    const issues = issuesOf(
      readServerConfig({ REACTOR_API_KEY: API_KEY_PLACEHOLDER }),
    );
    expect(issues).toEqual([
      {
        variable: "REACTOR_API_KEY",
        message: expect.stringContaining("placeholder"),
      },
    ]);
    expect(issues[0]!.message).toContain("https://reactor.inc");
  });

  test.each([
    ["another prefix", "sk_live_4f9a2c"],
    ["no prefix", "4f9a2c77"],
    ["just the prefix", "rk_"],
    ["a space inside", "rk_4f9a 2c77"],
    ["quotes kept by a bad .env line", `"rk_4f9a2c77`],
  ])("%s: rejected without echoing the value", (_, key) => {
    const issues = issuesOf(readServerConfig({ REACTOR_API_KEY: key }));
    expect(issues.map((issue) => issue.variable)).toEqual(["REACTOR_API_KEY"]);
    expect(issues[0]!.message).toContain("keys start with rk_");
    expect(issues[0]!.message).not.toContain("4f9a");
  });

  test("surrounding whitespace is trimmed", () => {
    expect(
      configOf(readServerConfig({ REACTOR_API_KEY: `  ${KEY}\n` })).apiKey,
    ).toBe(KEY);
  });
});

describe("REACTOR_MODEL", () => {
  test.each(["reactor/helios", "xmax/x2", "acme-labs/video_model.v2"])(
    "accepts %s",
    (model) => {
      expect(configWith({ REACTOR_MODEL: model }).model).toBe(model);
    },
  );

  test.each([
    "helios",
    "reactor/",
    "/helios",
    "reactor/helios/v2",
    "reactor helios",
  ])("rejects %j and names the expected shape", (model) => {
    expect(onlyIssue({ REACTOR_MODEL: model }, "REACTOR_MODEL")).toContain(
      "owner/name",
    );
  });
});

describe("REACTOR_API_URL", () => {
  test.each([
    ["https://api.reactor.inc/", "https://api.reactor.inc"],
    ["https://staging.reactor.example//", "https://staging.reactor.example"],
    ["http://127.0.0.1:8787", "http://127.0.0.1:8787"],
    ["https://proxy.example.com/reactor/", "https://proxy.example.com/reactor"],
  ])("%s is normalised to %s", (raw, expected) => {
    expect(configWith({ REACTOR_API_URL: raw }).apiUrl).toBe(expected);
  });

  test.each([
    ["api.reactor.example", "is not a URL"],
    ["not a url", "is not a URL"],
    ["ftp://api.reactor.example", "must start with https://"],
    ["https://user:s3cr3t@api.reactor.example", "user name or password"],
    ["https://s3cr3t@api.reactor.example", "user name or password"],
    ["https://:s3cr3t@api.reactor.example", "user name or password"],
    ["https://api.reactor.example/?region=eu", "query"],
    ["https://api.reactor.example/#x", "fragment"],
  ])("rejects %j: %s, without echoing the value", (raw, problem) => {
    const message = onlyIssue({ REACTOR_API_URL: raw }, "REACTOR_API_URL");
    expect(message).toContain(problem);
    expect(message).not.toContain(raw);
    expect(message).not.toContain("s3cr3t");
  });

  describe("in production", () => {
    test.each([
      "http://api.reactor.example",
      "http://10.0.0.5:8787",
      "http://localhost.example.com",
    ])("refuses plain http to the non-loopback %s", (raw) => {
      const message = onlyIssue(
        { REACTOR_API_URL: raw, NODE_ENV: "production" },
        "REACTOR_API_URL",
      );
      expect(message).toContain("must use https:// in production");
      expect(message).not.toContain(new URL(raw).hostname);
    });

    test.each([
      "http://127.0.0.1:8787",
      "http://localhost:8787",
      "http://[::1]:8787",
      "https://api.reactor.inc",
    ])("accepts %s", (raw) => {
      expect(
        configWith({ REACTOR_API_URL: raw, NODE_ENV: "production" }).apiUrl,
      ).toBe(raw);
    });

    test("development still accepts plain http to a LAN host", () => {
      expect(
        configWith({
          REACTOR_API_URL: "http://10.0.0.5:8787",
          NODE_ENV: "development",
        }).apiUrl,
      ).toBe("http://10.0.0.5:8787");
    });
  });

  test.each([
    ["http://127.0.0.1:8787", true],
    ["http://localhost:8787", true],
    ["http://emulator.localhost", true],
    ["http://[::1]:8787", true],
    ["https://api.reactor.inc", false],
    ["http://10.0.0.5:8787", false],
    ["https://localhost.example.com", false],
  ])("%s → usingEmulator %s", (raw, expected) => {
    expect(configWith({ REACTOR_API_URL: raw }).usingEmulator).toBe(expected);
  });
});

// The whole-number variables: what each accepts, what it refuses, and what
// its message says about the range (and, where the default is not obvious, it).
describe.each([
  {
    variable: "REACTOR_TOKEN_LIFETIME_SECONDS",
    field: "tokenLifetimeSeconds",
    accepts: [1800, 7200, 21600],
    refuses: ["1799", "21601", "0", "-3600", "3600.5", "1e4", "one hour"],
    says: ["from 1800 to 21600"],
  },
  {
    variable: "REACTOR_TOKEN_MAX_SESSIONS",
    field: "tokenMaxSessions",
    accepts: [1, 50],
    refuses: ["0", "51", "-1", "ten"],
    says: ["from 1 to 50"],
  },
  {
    variable: "TOKEN_RATE_LIMIT_PER_MINUTE",
    field: "rateLimitPerMinute",
    accepts: [0, 1, 600],
    refuses: ["-1", "10001", "lots"],
    says: ["from 0 to 10000"],
  },
  {
    variable: "TOKEN_RATE_LIMIT_GLOBAL_PER_MINUTE",
    field: "rateLimitGlobalPerMinute",
    accepts: [0, 30, 100_000],
    refuses: ["-1", "100001", "2.5", "many"],
    says: ["from 0 to 100000", "the default, 30"],
  },
  {
    // 0 turns a session policy off.
    variable: "REACTOR_IDLE_DISCONNECT_SECONDS",
    field: "idleDisconnectSeconds",
    accepts: [0, 5, 1200],
    refuses: ["1201", "-1"],
    says: ["from 0 to 1200", "leave it empty for the default"],
  },
  {
    variable: "REACTOR_HIDDEN_DISCONNECT_SECONDS",
    field: "hiddenDisconnectSeconds",
    accepts: [0, 5, 1200],
    refuses: ["1.5", "a minute"],
    says: ["from 0 to 1200", "leave it empty for the default"],
  },
] as const)("$variable", ({ variable, field, accepts, refuses, says }) => {
  test.each(accepts)("accepts %s", (value) => {
    expect(configWith({ [variable]: String(value) })[field]).toBe(value);
  });

  test.each(refuses)("rejects %j, stating the range", (raw) => {
    const message = onlyIssue({ [variable]: raw }, variable);
    for (const words of says) expect(message).toContain(words);
  });
});

describe("REACTOR_ALLOWED_ORIGINS", () => {
  test("parses a comma list, trimming entries and normalising case and trailing slashes", () => {
    expect(
      configWith({
        REACTOR_ALLOWED_ORIGINS:
          " https://App.Example.com/ ,http://localhost:4000,, ",
      }).allowedOrigins,
    ).toEqual(["https://app.example.com", "http://localhost:4000"]);
  });

  test.each([
    "*",
    "https://*.example.com",
    "https://example.com/app",
    "example.com",
    "ftp://example.com",
  ])("rejects %j", (raw) => {
    expect(
      onlyIssue({ REACTOR_ALLOWED_ORIGINS: raw }, "REACTOR_ALLOWED_ORIGINS"),
    ).toContain("is not an origin");
  });

  test("names each bad entry separately", () => {
    const issues = issuesOf(
      readServerConfig({
        REACTOR_API_KEY: KEY,
        REACTOR_ALLOWED_ORIGINS:
          "https://ok.example.com,bad-one,https://x.example.com/path",
      }),
    );
    // By position, not by value: an entry might be a secret pasted by mistake.
    expect(issues.map((issue) => issue.message)).toEqual([
      expect.stringContaining("entry 2 is not an origin"),
      expect.stringContaining("entry 3 is not an origin"),
    ]);
    for (const { message } of issues) {
      expect(message).not.toContain("bad-one");
      expect(message).not.toContain("x.example.com");
    }
  });
});

describe("TRUST_PROXY_HEADERS", () => {
  const trust = (env: Record<string, string>) =>
    configWith(env).trustProxyHeaders;

  test.each([
    ["1", true],
    ["true", true],
    ["TRUE", true],
    ["0", false],
    ["false", false],
  ])("accepts %j", (raw, expected) => {
    expect(trust({ TRUST_PROXY_HEADERS: raw })).toBe(expected);
  });

  test("unset: trusted on Vercel only (VERCEL is set there)", () => {
    expect(trust({})).toBe(false);
    expect(trust({ VERCEL: "1" })).toBe(true);
    expect(trust({ VERCEL: "" })).toBe(false);
  });

  test("an explicit 0 wins over Vercel", () => {
    expect(trust({ VERCEL: "1", TRUST_PROXY_HEADERS: "0" })).toBe(false);
  });

  test.each(["yes", "2", "on"])("rejects %j, saying when to set it", (raw) => {
    const message = onlyIssue(
      { TRUST_PROXY_HEADERS: raw },
      "TRUST_PROXY_HEADERS",
    );
    expect(message).toContain("must be 1 or 0");
    expect(message).toContain("overwrites x-real-ip / x-forwarded-for");
  });
});

describe("REDIS_URL", () => {
  test.each([
    "redis://127.0.0.1:6379",
    "rediss://default:AbC123@eu1-fine-cat-12345.upstash.io:6379",
    "redis://:secret@redis.internal:6380/2",
  ])("accepts %s, kept as given", (raw) => {
    expect(configWith({ REDIS_URL: raw }).redisUrl).toBe(raw);
  });

  test.each([
    "https://default:hunter2-pass@cache.example.com:6379",
    "default:hunter2-pass@cache.example.com:6379",
    "redis://",
  ])("rejects %j without echoing any part of it", (raw) => {
    const message = onlyIssue({ REDIS_URL: raw }, "REDIS_URL");
    expect(message).toContain("rediss://");
    expect(message).toContain("not shown");
    for (const part of ["hunter2", "cache.example.com", "https://default"]) {
      expect(message).not.toContain(part);
    }
  });
});

test("lists every problem at once, one issue per bad variable, in the schema's order", () => {
  const issues = issuesOf(
    readServerConfig({
      REACTOR_API_KEY: API_KEY_PLACEHOLDER,
      REACTOR_MODEL: "helios",
      REACTOR_API_URL: "api.reactor.inc",
      REACTOR_TOKEN_LIFETIME_SECONDS: "60",
      REACTOR_TOKEN_MAX_SESSIONS: "0",
      REACTOR_ALLOWED_ORIGINS: "*",
      TOKEN_RATE_LIMIT_PER_MINUTE: "-1",
      TOKEN_RATE_LIMIT_GLOBAL_PER_MINUTE: "-1",
      TRUST_PROXY_HEADERS: "maybe",
      REDIS_URL: "localhost:6379",
      REACTOR_IDLE_DISCONNECT_SECONDS: "-1",
      REACTOR_HIDDEN_DISCONNECT_SECONDS: "soon",
    }),
  );
  expect(issues.map((issue) => issue.variable)).toEqual(SERVER_ENV_VARIABLES);
  for (const issue of issues) {
    expect(issue.message.startsWith(issue.variable)).toBe(true);
    // How to apply a fix is said once per screen (CONFIG_FIX), not per issue.
    expect(issue.message).not.toContain("Project Settings");
  }
});

test("toPublicConfig passes only model, apiUrl, usingEmulator and the policies", () => {
  const config = configOf(
    readServerConfig({
      REACTOR_API_KEY: KEY,
      REACTOR_API_URL: "http://127.0.0.1:8787",
    }),
  );
  expect(toPublicConfig(config)).toStrictEqual({
    model: "reactor/helios",
    apiUrl: "http://127.0.0.1:8787",
    usingEmulator: true,
    idleDisconnectSeconds: 180,
    hiddenDisconnectSeconds: 60,
  });
});

describe(".env.example", () => {
  const example = readFileSync(
    new URL("../../../.env.example", import.meta.url),
    "utf8",
  );
  const exampleEnv = Object.fromEntries(
    [...example.matchAll(/^([A-Z0-9_]+)=(.*)$/gm)].map(([, name, value]) => [
      name,
      value,
    ]),
  );

  test("documents exactly the variables the schema reads", () => {
    expect(Object.keys(exampleEnv).sort()).toEqual(
      [...SERVER_ENV_VARIABLES].sort(),
    );
  });

  test("as shipped, its only problem is the placeholder key", () => {
    expect(exampleEnv.REACTOR_API_KEY).toBe(API_KEY_PLACEHOLDER);
    expect(issuesOf(readServerConfig(exampleEnv))).toEqual([
      {
        variable: "REACTOR_API_KEY",
        message: expect.stringContaining("placeholder"),
      },
    ]);
  });
});

describe("readAccessConfig", () => {
  test("reads the allow-list, limits, proxy trust and Redis even when the key is missing", () => {
    expect(
      readAccessConfig({
        REACTOR_ALLOWED_ORIGINS: "https://partner.example.com",
        TOKEN_RATE_LIMIT_PER_MINUTE: "3",
        TOKEN_RATE_LIMIT_GLOBAL_PER_MINUTE: "12",
        TRUST_PROXY_HEADERS: "1",
        REDIS_URL: "redis://127.0.0.1:6379",
      }),
    ).toEqual({
      allowedOrigins: ["https://partner.example.com"],
      rateLimitPerMinute: 3,
      rateLimitGlobalPerMinute: 12,
      trustProxyHeaders: true,
      redisUrl: "redis://127.0.0.1:6379",
    });
  });

  test("falls back to the safe defaults for invalid values", () => {
    expect(
      readAccessConfig({
        VERCEL: "1",
        REACTOR_ALLOWED_ORIGINS: "*",
        TOKEN_RATE_LIMIT_PER_MINUTE: "-1",
        TOKEN_RATE_LIMIT_GLOBAL_PER_MINUTE: "-1",
        // Invalid is "don't trust", even on Vercel.
        TRUST_PROXY_HEADERS: "maybe",
        REDIS_URL: "localhost:6379",
      }),
    ).toEqual({
      allowedOrigins: [],
      rateLimitPerMinute: 10,
      rateLimitGlobalPerMinute: 30,
      trustProxyHeaders: false,
      redisUrl: undefined,
    });
  });
});

describe("memo", () => {
  test("the same environment returns the same parsed result; a change is parsed afresh", () => {
    const env = { REACTOR_API_KEY: KEY, REACTOR_MODEL: "acme/first" };
    const first = readServerConfig({ ...env });
    expect(readServerConfig({ ...env })).toBe(first);
    const changed = readServerConfig({ ...env, REACTOR_MODEL: "acme/second" });
    expect(changed).not.toBe(first);
    expect(configOf(changed).model).toBe("acme/second");
  });

  test("unset and empty are different keys, NODE_ENV is part of the key", () => {
    const http = { REACTOR_API_KEY: KEY, REACTOR_API_URL: "http://10.0.0.5" };
    expect(readServerConfig({ ...http, NODE_ENV: "development" }).ok).toBe(
      true,
    );
    expect(readServerConfig({ ...http, NODE_ENV: "production" }).ok).toBe(
      false,
    );
    expect(
      configOf(readServerConfig({ REACTOR_API_KEY: KEY, REACTOR_MODEL: "" }))
        .model,
    ).toBe(DEFAULT_MODEL);
  });

  test("the shared result cannot be changed by a caller", () => {
    const config = configOf(readServerConfig({ REACTOR_API_KEY: KEY }));
    expect(() => config.allowedOrigins.push("https://evil.example")).toThrow();
    expect(
      configOf(readServerConfig({ REACTOR_API_KEY: KEY })).allowedOrigins,
    ).toEqual([]);
  });
});
