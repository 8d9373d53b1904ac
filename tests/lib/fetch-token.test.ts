import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { fetchToken, TokenFetchError } from "@/lib/fetch-token";
import { server } from "@test/msw/server";

// jsdom's document URL makes the relative "/api/token" land here.
const ROUTE = `${location.origin}/api/token`;

describe("fetchToken", () => {
  it("returns the parsed token", async () => {
    server.use(
      http.get(ROUTE, () =>
        HttpResponse.json({ jwt: "eyJ.a.b", expiresAt: 1_900_000_000_000 }),
      ),
    );
    await expect(fetchToken()).resolves.toEqual({
      jwt: "eyJ.a.b",
      expiresAt: 1_900_000_000_000,
    });
  });

  it("surfaces the route's error code and message", async () => {
    server.use(
      http.get(ROUTE, () =>
        HttpResponse.json(
          {
            error: {
              code: "rate_limited",
              message: "Wait 12 seconds, then try again.",
            },
          },
          { status: 429, headers: { "Retry-After": "12" } },
        ),
      ),
    );
    const error = await fetchToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenFetchError);
    expect(error).toMatchObject({
      code: "rate_limited",
      message: "Wait 12 seconds, then try again.",
    });
  });

  it("rejects a success body without a usable token", async () => {
    server.use(http.get(ROUTE, () => HttpResponse.json({ jwt: "" })));
    await expect(fetchToken()).rejects.toMatchObject({
      code: "invalid_response",
    });
  });

  it("explains an error that is not the route's JSON (e.g. a proxy's HTML page)", async () => {
    server.use(
      http.get(
        ROUTE,
        () => new HttpResponse("<html>Bad gateway</html>", { status: 502 }),
      ),
    );
    await expect(fetchToken()).rejects.toMatchObject({
      code: "invalid_response",
      message: expect.stringContaining("HTTP 502"),
    });
  });

  it("turns a network failure into an actionable error", async () => {
    server.use(http.get(ROUTE, () => HttpResponse.error()));
    await expect(fetchToken()).rejects.toMatchObject({
      code: "network_error",
      message: expect.stringContaining("/api/token"),
    });
  });
});
