// @vitest-environment node
import { describe, expect, test } from "vitest";
import {
  rateLimitKey,
  SHARED_ANONYMOUS_KEY,
  untrustedProxyHeadersWarning,
} from "@/lib/server/client-key";

const request = (headers: Record<string, string> = {}) =>
  new Request("http://localhost:3000/api/token", { headers });

const trusted = { trustProxyHeaders: true };
const untrusted = { trustProxyHeaders: false };

describe("rateLimitKey with untrusted headers (the default off Vercel)", () => {
  test("rotating x-real-ip / x-forwarded-for does not give a new bucket", () => {
    const keys = new Set(
      Array.from({ length: 40 }, (_, i) =>
        rateLimitKey(
          request({
            "x-real-ip": `203.0.113.${i}`,
            "x-forwarded-for": `198.51.100.${i}`,
          }),
          untrusted,
        ),
      ),
    );
    expect([...keys]).toEqual([SHARED_ANONYMOUS_KEY]);
  });

  test("a user id from authorize() still counts per user", () => {
    expect(rateLimitKey(request(), { ...untrusted, userId: "user_42" })).toBe(
      "user:user_42",
    );
  });
});

describe("rateLimitKey with trusted headers (Vercel, TRUST_PROXY_HEADERS=1)", () => {
  test("a user id from authorize() wins over any address", () => {
    expect(
      rateLimitKey(request({ "x-real-ip": "203.0.113.7" }), {
        ...trusted,
        userId: "user_42",
      }),
    ).toBe("user:user_42");
  });

  test("uses x-real-ip when the platform sets it", () => {
    expect(
      rateLimitKey(
        request({
          "x-real-ip": "203.0.113.7",
          "x-forwarded-for": "198.51.100.1",
        }),
        trusted,
      ),
    ).toBe("ip:203.0.113.7");
  });

  test("uses the last x-forwarded-for hop, the one the nearest proxy added", () => {
    expect(
      rateLimitKey(
        request({ "x-forwarded-for": "1.2.3.4, 198.51.100.9 , 203.0.113.7" }),
        trusted,
      ),
    ).toBe("ip:203.0.113.7");
  });

  test("without any address such requests share the anonymous bucket", () => {
    expect(rateLimitKey(request(), trusted)).toBe(SHARED_ANONYMOUS_KEY);
    expect(rateLimitKey(request({ "x-forwarded-for": " , " }), trusted)).toBe(
      SHARED_ANONYMOUS_KEY,
    );
  });
});

describe("untrustedProxyHeadersWarning", () => {
  test("explains TRUST_PROXY_HEADERS when the headers are not trusted", () => {
    const warning = untrustedProxyHeadersWarning({});
    expect(warning).toContain("TRUST_PROXY_HEADERS=1");
    expect(warning).toContain("share one token rate limit");
    expect(warning).toContain("Running more than one instance");
  });

  test("is silent where the headers are trusted", () => {
    expect(untrustedProxyHeadersWarning({ TRUST_PROXY_HEADERS: "1" })).toBe(
      undefined,
    );
    expect(untrustedProxyHeadersWarning({ VERCEL: "1" })).toBe(undefined);
  });

  test("warns for an explicit 0 on Vercel and for an invalid value", () => {
    expect(
      untrustedProxyHeadersWarning({ VERCEL: "1", TRUST_PROXY_HEADERS: "0" }),
    ).toBeDefined();
    expect(
      untrustedProxyHeadersWarning({ TRUST_PROXY_HEADERS: "yes" }),
    ).toBeDefined();
  });
});
