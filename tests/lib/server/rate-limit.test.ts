// @vitest-environment node
import { describe, expect, test } from "vitest";
import { createRateLimiter, rateLimitKey } from "@/lib/server/rate-limit";

const T0 = 1_700_000_000_000;

describe("createRateLimiter", () => {
  test("allows a burst of `limit` requests, then refuses with the wait for the next one", () => {
    const limiter = createRateLimiter();
    for (let i = 0; i < 10; i++) {
      expect(limiter.take("ip:1", 10, T0)).toEqual({ allowed: true });
    }
    // 10 per minute refills one every 6 s.
    expect(limiter.take("ip:1", 10, T0)).toEqual({
      allowed: false,
      retryAfterSeconds: 6,
    });
  });

  test("refills over time at limit per minute", () => {
    const limiter = createRateLimiter();
    for (let i = 0; i < 2; i++) limiter.take("ip:1", 2, T0);
    expect(limiter.take("ip:1", 2, T0 + 29_000).allowed).toBe(false);
    expect(limiter.take("ip:1", 2, T0 + 30_000).allowed).toBe(true);
    expect(limiter.take("ip:1", 2, T0 + 30_000).allowed).toBe(false);
  });

  test("a refused request reports the remaining wait, not a full interval", () => {
    const limiter = createRateLimiter();
    limiter.take("ip:1", 1, T0);
    expect(limiter.take("ip:1", 1, T0 + 45_500)).toEqual({
      allowed: false,
      retryAfterSeconds: 15,
    });
  });

  test("never refills beyond the limit after a long idle period", () => {
    const limiter = createRateLimiter();
    limiter.take("ip:1", 3, T0);
    const later = T0 + 60 * 60_000;
    for (let i = 0; i < 3; i++)
      expect(limiter.take("ip:1", 3, later).allowed).toBe(true);
    expect(limiter.take("ip:1", 3, later).allowed).toBe(false);
  });

  test("counts each client separately", () => {
    const limiter = createRateLimiter();
    limiter.take("ip:1", 1, T0);
    expect(limiter.take("ip:1", 1, T0).allowed).toBe(false);
    expect(limiter.take("ip:2", 1, T0).allowed).toBe(true);
  });

  test("a limit of 0 means unlimited", () => {
    const limiter = createRateLimiter();
    for (let i = 0; i < 1000; i++)
      expect(limiter.take("ip:1", 0, T0).allowed).toBe(true);
  });

  test("memory is bounded: past maxClients the least recently seen client is forgotten", () => {
    const limiter = createRateLimiter(2);
    limiter.take("ip:1", 1, T0);
    limiter.take("ip:2", 1, T0);
    limiter.take("ip:3", 1, T0); // evicts ip:1
    expect(limiter.take("ip:1", 1, T0).allowed).toBe(true);
    expect(limiter.take("ip:3", 1, T0).allowed).toBe(false);
  });

  test("clear() forgets every client", () => {
    const limiter = createRateLimiter();
    limiter.take("ip:1", 1, T0);
    limiter.clear();
    expect(limiter.take("ip:1", 1, T0).allowed).toBe(true);
  });
});

describe("rateLimitKey", () => {
  const request = (headers: Record<string, string>) =>
    new Request("http://localhost:3000/api/token", { headers });

  test("a user id from authorize() wins over any address", () => {
    expect(
      rateLimitKey(request({ "x-real-ip": "203.0.113.7" }), "user_42"),
    ).toBe("user:user_42");
  });

  test("uses x-real-ip when the platform sets it", () => {
    expect(
      rateLimitKey(
        request({
          "x-real-ip": "203.0.113.7",
          "x-forwarded-for": "198.51.100.1",
        }),
      ),
    ).toBe("ip:203.0.113.7");
  });

  test("uses the last x-forwarded-for hop, the one the nearest proxy added", () => {
    expect(
      rateLimitKey(
        request({ "x-forwarded-for": "1.2.3.4, 198.51.100.9 , 203.0.113.7" }),
      ),
    ).toBe("ip:203.0.113.7");
  });

  test("without any address all such requests share one bucket", () => {
    expect(rateLimitKey(request({}))).toBe("ip:unknown");
  });
});
