// @vitest-environment node
import { createServer, type Server, type Socket } from "node:net";
import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import {
  resetTokenRateLimits,
  takeToken,
  type TokenLimits,
} from "@/lib/server/rate-limit";
import { describeRedisError } from "@/lib/server/redis-client";

const limits = (
  rateLimitPerMinute: number,
  rateLimitGlobalPerMinute: number,
  redisUrl?: string,
): TokenLimits => ({ rateLimitPerMinute, rateLimitGlobalPerMinute, redisUrl });

async function outcomes(keys: string[], config: TokenLimits) {
  const results = [];
  for (const key of keys) results.push(await takeToken(key, config));
  return results;
}

beforeEach(() => {
  resetTokenRateLimits();
});

afterEach(() => {
  resetTokenRateLimits();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("per client", () => {
  test("allows `limit` requests a minute, then refuses with the wait until the window ends", async () => {
    const results = await outcomes(["ip:1", "ip:1", "ip:1"], limits(2, 0));
    expect(results.slice(0, 2)).toEqual([{ allowed: true }, { allowed: true }]);
    expect(results[2]).toMatchObject({ allowed: false, scope: "client" });
    const wait = (results[2] as { retryAfterSeconds: number })
      .retryAfterSeconds;
    expect(wait).toBeGreaterThanOrEqual(59);
    expect(wait).toBeLessThanOrEqual(60);
  });

  test("counts each client separately", async () => {
    expect(await outcomes(["ip:1", "ip:1", "ip:2"], limits(1, 0))).toEqual([
      { allowed: true },
      expect.objectContaining({ allowed: false, scope: "client" }),
      { allowed: true },
    ]);
  });

  test("a new minute starts a new window, and Retry-After counts down to it", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(1_700_000_000_000);
    await takeToken("ip:1", limits(1, 0));
    vi.setSystemTime(1_700_000_045_500);
    expect(await takeToken("ip:1", limits(1, 0))).toEqual({
      allowed: false,
      scope: "client",
      retryAfterSeconds: 15,
    });
    vi.setSystemTime(1_700_000_060_001);
    expect(await takeToken("ip:1", limits(1, 0))).toEqual({ allowed: true });
  });

  test("0 turns it off", async () => {
    const results = await outcomes(Array(200).fill("ip:1"), limits(0, 0));
    expect(results.every((result) => result.allowed)).toBe(true);
  });
});

describe("deployment-wide ceiling", () => {
  test("caps the total however many client keys ask", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const keys = Array.from({ length: 40 }, (_, i) => `ip:203.0.113.${i}`);
    const results = await outcomes(keys, limits(10, 30));
    expect(results.filter((result) => result.allowed)).toHaveLength(30);
    expect(results.slice(30)).toEqual(
      Array(10).fill(
        expect.objectContaining({ allowed: false, scope: "deployment" }),
      ),
    );
  });

  test("a client refused by its own limit does not use up the ceiling", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(
      await outcomes(["ip:a", "ip:a", "ip:a", "ip:b", "ip:c"], limits(1, 2)),
    ).toEqual([
      { allowed: true },
      expect.objectContaining({ scope: "client" }),
      expect.objectContaining({ scope: "client" }),
      { allowed: true },
      expect.objectContaining({ scope: "deployment" }),
    ]);
  });

  test("tells the operator, at most once a minute, naming the variable", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const keys = Array.from({ length: 6 }, (_, i) => `ip:${i}`);
    await outcomes(keys, limits(5, 2));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toContain(
      "TOKEN_RATE_LIMIT_GLOBAL_PER_MINUTE",
    );
  });

  test("0 turns it off", async () => {
    const keys = Array.from({ length: 100 }, (_, i) => `ip:${i}`);
    const results = await outcomes(keys, limits(1, 0));
    expect(results.every((result) => result.allowed)).toBe(true);
  });
});

test("changed limits apply on the next request", async () => {
  await outcomes(["ip:1", "ip:1"], limits(2, 0));
  expect((await takeToken("ip:1", limits(2, 0))).allowed).toBe(false);
  // A higher limit starts from fresh counts (memory only; Redis keeps them).
  expect((await takeToken("ip:1", limits(5, 0))).allowed).toBe(true);
});

describe("with REDIS_URL, when Redis cannot be used", () => {
  const PASSWORD = "Pa55-w0rd-never-logged";
  let server: Server | undefined;
  let sockets: Socket[] = [];

  afterEach(async () => {
    // Stop ioredis reconnecting before the stand-in server goes away.
    resetTokenRateLimits();
    for (const socket of sockets) socket.destroy();
    sockets = [];
    await new Promise((resolve) => server?.close(resolve) ?? resolve(null));
    server = undefined;
  });

  /** A port with nothing listening: connections are refused at once. */
  async function closedPort(): Promise<number> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as { port: number };
    await new Promise((resolve) => probe.close(resolve));
    return port;
  }

  /** Accepts connections and never answers: a stalled Redis. */
  async function silentPort(): Promise<number> {
    server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) =>
      server!.listen(0, "127.0.0.1", resolve),
    );
    return (server!.address() as { port: number }).port;
  }

  test("refused: limits still hold from memory, logged once, with no part of the URL", async () => {
    const error = vi
      .spyOn(console, "error")
      .mockImplementation(() => undefined);
    const port = await closedPort();
    const config = limits(
      2,
      0,
      `redis://default:${PASSWORD}@127.0.0.1:${port}`,
    );
    const results = await outcomes(
      ["ip:1", "ip:1", "ip:1", "ip:2", "ip:2"],
      config,
    );
    expect(results.map((result) => result.allowed)).toEqual([
      true,
      true,
      false,
      true,
      true,
    ]);
    expect(error).toHaveBeenCalledTimes(1);
    const line = inspect(error.mock.calls);
    expect(line).toContain("REDIS_URL");
    expect(line).toContain("ECONNREFUSED");
    for (const part of [PASSWORD, "127.0.0.1", String(port), "default:"]) {
      expect(line).not.toContain(part);
    }
  });

  test("stalled: requests are answered from memory within the connect timeout, never hang", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const port = await silentPort();
    const config = limits(1, 0, `redis://127.0.0.1:${port}`);
    const started = performance.now();
    expect(await takeToken("ip:1", config)).toEqual({ allowed: true });
    expect(await takeToken("ip:1", config)).toMatchObject({ allowed: false });
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(sockets.length).toBeGreaterThan(0);
  });
});

describe("describeRedisError", () => {
  test("keeps only an error code or the reply's first word", () => {
    const refused = Object.assign(
      new Error("connect ECONNREFUSED 10.1.2.3:6379"),
      { code: "ECONNREFUSED" },
    );
    expect(describeRedisError(refused)).toBe("ECONNREFUSED");
    expect(
      describeRedisError(
        new Error(
          "WRONGPASS invalid username-password pair or user is disabled.",
        ),
      ),
    ).toBe("WRONGPASS");
    expect(describeRedisError(new Error("Command timed out"))).toBe(
      "command timed out",
    );
    expect(
      describeRedisError(new Error("getaddrinfo for secret.example.com")),
    ).toBe("Error");
    expect(describeRedisError("nope")).toBe("unknown error");
  });
});
