import { describe, expect, it } from "vitest";
import {
  describeSdkError,
  describeTokenError,
  isAuthFailure,
} from "@/lib/describe-error";
import { TokenFetchError } from "@/lib/fetch-token";

const API = "https://api.reactor.test";
const failed = (inner: string) => ({
  code: "CONNECTION_FAILED",
  message: `Connection failed: Error: ${inner}`,
});

describe("describeSdkError", () => {
  it.each([
    [
      "Failed to create session: 401 invalid token",
      /rejected the session token/,
    ],
    [
      "Failed to create session: 403 out of scope",
      /may not start that session/,
    ],
    ["Failed to poll session: 404 not found", /not found/],
    ['Failed to create session: 429 {"error":"busy"}', /No GPU capacity/],
    ["Failed to create session: 503 unavailable", /server error/],
    [
      "Session polling exceeded maximum attempts (20). The model may be unavailable or overloaded.",
      /No GPU became available/,
    ],
    ["SDP polling exceeded maximum attempts (6)", /did not answer in time/],
    [
      'Session entered terminal state "CLOSED" while waiting for capabilities',
      /ended before it started/,
    ],
    [
      "TypeError: Failed to fetch",
      /Could not reach Reactor at https:\/\/api\.reactor\.test/,
    ],
    [
      "CLIENT_VERSION_TOO_OLD: Client API version (1) is too old.",
      /versions do not match/,
    ],
  ])("explains %s", (inner, title) => {
    expect(describeSdkError(failed(inner), API).title).toMatch(title);
  });

  it("names UDP as the likely cause of a WebRTC failure", () => {
    const d = describeSdkError(
      { code: "GPU_CONNECTION_ERROR", message: "Transport connection failed" },
      API,
    );
    expect(d.nextStep).toMatch(/UDP/);
  });

  it("always gives a next step, even for unknown errors", () => {
    const d = describeSdkError({ code: "WHATEVER", message: "??" }, API);
    expect(d.nextStep).toMatch(/Try again/);
  });
});

describe("isAuthFailure", () => {
  it("is true for 401 and 403 from the coordinator", () => {
    expect(isAuthFailure(new Error("Failed to create session: 401 x"))).toBe(
      true,
    );
    expect(isAuthFailure(new Error("Failed to poll session: 403 x"))).toBe(
      true,
    );
  });

  it("is false for other statuses and non-HTTP failures", () => {
    expect(isAuthFailure(new Error("Failed to create session: 429 x"))).toBe(
      false,
    );
    expect(
      isAuthFailure(new Error("SDP polling exceeded maximum attempts (6)")),
    ).toBe(false);
    expect(isAuthFailure("401")).toBe(false);
  });
});

describe("describeTokenError", () => {
  it("keeps the route's message as the next step", () => {
    const d = describeTokenError(
      new TokenFetchError("rate_limited", "Wait 30 seconds and try again."),
    );
    expect(d).toEqual({
      title: "Too many token requests from this browser",
      nextStep: "Wait 30 seconds and try again.",
    });
  });
});
