// @vitest-environment node
import { describe, expect, test } from "vitest";
import { checkOrigin } from "@/lib/server/cross-site";

const ALLOWED = ["https://partner.example.com"];

function request(
  headers: Record<string, string>,
  url = "http://localhost:3000/api/token",
) {
  return new Request(url, { headers });
}

describe("with Sec-Fetch-Site (current browsers)", () => {
  test.each(["same-origin", "none"])("%s passes", (site) => {
    expect(checkOrigin(request({ "sec-fetch-site": site }), [])).toEqual({
      allowed: true,
    });
  });

  test.each(["cross-site", "same-site"])("%s is refused", (site) => {
    expect(
      checkOrigin(
        request({ "sec-fetch-site": site, origin: "https://evil.example" }),
        ALLOWED,
      ),
    ).toEqual({ allowed: false });
  });

  test("cross-site without an Origin (e.g. <img src>) is refused", () => {
    expect(
      checkOrigin(request({ "sec-fetch-site": "cross-site" }), ALLOWED),
    ).toEqual({
      allowed: false,
    });
  });

  test("cross-site from an allow-listed origin passes and is echoed for CORS", () => {
    expect(
      checkOrigin(
        request({
          "sec-fetch-site": "cross-site",
          origin: "https://partner.example.com",
        }),
        ALLOWED,
      ),
    ).toEqual({ allowed: true, corsOrigin: "https://partner.example.com" });
  });

  test("the browser's verdict wins over an Origin that matches Host", () => {
    expect(
      checkOrigin(
        request({
          "sec-fetch-site": "cross-site",
          origin: "http://localhost:3000",
        }),
        [],
      ),
    ).toEqual({ allowed: false });
  });
});

describe("with Origin only (older browsers)", () => {
  test("the request's own host passes", () => {
    expect(
      checkOrigin(request({ origin: "http://localhost:3000" }), []).allowed,
    ).toBe(true);
  });

  test("another host is refused", () => {
    expect(
      checkOrigin(request({ origin: "https://evil.example" }), []).allowed,
    ).toBe(false);
  });

  test("another port on the same hostname is another origin", () => {
    expect(
      checkOrigin(request({ origin: "http://localhost:4000" }), []).allowed,
    ).toBe(false);
  });

  test('"null" (sandboxed frame, file://) is refused', () => {
    expect(checkOrigin(request({ origin: "null" }), []).allowed).toBe(false);
  });

  test("behind a proxy, x-forwarded-host is the app's host (as on Vercel)", () => {
    const proxied = request(
      {
        origin: "https://my-app.vercel.app",
        "x-forwarded-host": "my-app.vercel.app",
        "x-forwarded-proto": "https",
        host: "localhost:3000",
      },
      "http://localhost:3000/api/token",
    );
    expect(checkOrigin(proxied, []).allowed).toBe(true);
  });

  test("a Host header with the scheme's default port equals an Origin without one", () => {
    const proxied = request({
      origin: "https://my-app.example.com",
      "x-forwarded-host": "my-app.example.com:443",
      "x-forwarded-proto": "https",
    });
    expect(checkOrigin(proxied, []).allowed).toBe(true);
  });

  test("scheme is not compared, so a TLS proxy that omits x-forwarded-proto still works", () => {
    expect(
      checkOrigin(request({ origin: "https://localhost:3000" }), []).allowed,
    ).toBe(true);
  });

  test("an allow-listed origin passes", () => {
    expect(
      checkOrigin(request({ origin: "https://partner.example.com" }), ALLOWED),
    ).toEqual({
      allowed: true,
      corsOrigin: "https://partner.example.com",
    });
  });
});

test("neither header (curl, a server) is not a browser and passes on to the rate limit", () => {
  expect(checkOrigin(request({}), [])).toEqual({ allowed: true });
});
