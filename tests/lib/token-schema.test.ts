// Runs in the default jsdom environment on purpose: these modules are
// imported by browser code and must load without any server-only module.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import {
  TOKEN_ERROR_CODES,
  TOKEN_ERROR_STATUS,
  TokenError,
} from "@/lib/token-errors";
import { tokenErrorBodySchema, tokenResponseSchema } from "@/lib/token-schema";

describe("tokenResponseSchema", () => {
  test("accepts a JWT with an epoch-milliseconds expiry", () => {
    const body = { jwt: "a.b.c", expiresAt: 1_900_000_000_000 };
    expect(tokenResponseSchema.parse(body)).toEqual(body);
  });

  test.each([
    ["an empty jwt", { jwt: "", expiresAt: 1_900_000_000_000 }],
    ["a missing expiresAt", { jwt: "a.b.c" }],
    ["a fractional expiresAt", { jwt: "a.b.c", expiresAt: 1.5 }],
    ["a string expiresAt", { jwt: "a.b.c", expiresAt: "1900000000000" }],
  ])("rejects %s", (_, body) => {
    expect(tokenResponseSchema.safeParse(body).success).toBe(false);
  });
});

describe("tokenErrorBodySchema", () => {
  test.each(TOKEN_ERROR_CODES)("accepts code %s", (code) => {
    expect(
      tokenErrorBodySchema.safeParse({
        error: { code, message: "Do this next." },
      }).success,
    ).toBe(true);
  });

  test("rejects an unknown code, an empty message and a bare string error", () => {
    expect(
      tokenErrorBodySchema.safeParse({
        error: { code: "teapot", message: "x" },
      }).success,
    ).toBe(false);
    expect(
      tokenErrorBodySchema.safeParse({
        error: { code: "rate_limited", message: "" },
      }).success,
    ).toBe(false);
    expect(
      tokenErrorBodySchema.safeParse({ error: "Reactor /tokens returned 401" })
        .success,
    ).toBe(false);
  });
});

test("README's error table documents every code with its status", () => {
  const readme = readFileSync(
    join(import.meta.dirname, "../../README.md"),
    "utf8",
  );
  // The table after "Errors from `/api/token`", rows like
  // "| `upstream_error` (redirect) | 502 | …": a code may have several.
  const table = readme.split("Errors from `/api/token`")[1]?.split("\n\n")[1];
  const rows = [
    ...(table ?? "").matchAll(/^\| `([a-z_]+)`[^|]*\| (\d{3}) +\|/gm),
  ];
  const documented = Object.fromEntries(
    rows.map(([, code, status]) => [code, Number(status)]),
  );
  expect(documented).toEqual(TOKEN_ERROR_STATUS);
  for (const [, code, status] of rows) {
    expect(Number(status), code).toBe(
      TOKEN_ERROR_STATUS[code as keyof typeof TOKEN_ERROR_STATUS],
    );
  }
  expect(TOKEN_ERROR_CODES).toEqual(Object.keys(TOKEN_ERROR_STATUS));
});

test("TokenError carries its code, status and Retry-After", () => {
  const error = new TokenError("rate_limited", "Wait 6 s.", {
    retryAfterSeconds: 6,
  });
  expect(error).toBeInstanceOf(Error);
  expect(error.name).toBe("TokenError");
  expect(error.code).toBe("rate_limited");
  expect(error.status).toBe(429);
  expect(error.retryAfterSeconds).toBe(6);
  expect(
    new TokenError("upstream_error", "x").retryAfterSeconds,
  ).toBeUndefined();
});
