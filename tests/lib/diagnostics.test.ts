import { expect, test } from "vitest";
import {
  buildDiagnostics,
  describeUserAgent,
  redactText,
  type DiagnosticsInput,
} from "@/lib/diagnostics";
import { TokenCache } from "@/lib/token-cache";
import { UPSTREAM_JWT } from "@test/fixtures/upstream-token";

const CHROME_LINUX =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.7339.80 Safari/537.36";

const input = (
  overrides: Partial<DiagnosticsInput> = {},
): DiagnosticsInput => ({
  appVersion: "0.1.0",
  sdkVersion: "2.9.0",
  model: "reactor/helios",
  apiUrl: "https://api.reactor.inc",
  usingEmulator: false,
  sessionId: "85ded560-014c-42df-8902-89dfbca8fa00",
  statusHistory: [
    { status: "disconnected", at: 1_000 },
    { status: "ready", at: 4_000 },
  ],
  connectionTimings: {
    sessionCreationMs: 120.4,
    transportConnectingMs: 900.6,
    totalMs: 2_400.2,
  },
  ttffMs: 2_950.7,
  stats: {
    rttMs: 31.2,
    framesPerSecond: 23.96,
    packetLossRatio: 0.01234,
    jitterMs: 4.26,
    candidateType: "srflx",
  },
  candidateTypes: ["srflx", "srflx", "relay"],
  errors: [],
  userAgent: CHROME_LINUX,
  now: Date.UTC(2026, 10, 28, 12),
  ...overrides,
});

test("the report carries versions, model, API origin, session, timings, stats and the browser", () => {
  const report = buildDiagnostics(input());
  expect(report).toMatchObject({
    app: { version: "0.1.0" },
    sdk: { package: "@reactor-team/js-sdk", version: "2.9.0" },
    model: "reactor/helios",
    apiOrigin: "https://api.reactor.inc",
    emulator: false,
    sessionId: "85ded560-014c-42df-8902-89dfbca8fa00",
    statusHistory: [
      { status: "disconnected", at: "1970-01-01T00:00:01.000Z" },
      { status: "ready", at: "1970-01-01T00:00:04.000Z" },
    ],
    connectionTimings: { sessionCreationMs: 120, totalMs: 2400 },
    timeToFirstFrameMs: 2951,
    stats: {
      rttMs: 31,
      framesPerSecond: 24,
      packetLossRatio: 0.0123,
      jitterMs: 4.3,
      candidateType: "srflx",
    },
    candidateTypes: ["srflx", "relay"],
    browser: { browser: "Chrome 140.0.7339.80", os: "Linux" },
    generatedAt: "2026-11-28T12:00:00.000Z",
  });
  // It is what gets copied: plain JSON, round-trips unchanged.
  expect(JSON.parse(JSON.stringify(report))).toEqual(report);
});

test("a token held in memory never reaches the report, even when errors and URLs quote it", async () => {
  const tokens = new TokenCache(async () => ({
    jwt: UPSTREAM_JWT,
    expiresAt: Date.now() + 3_600_000,
  }));
  const { jwt } = await tokens.get();
  expect(jwt).toBe(UPSTREAM_JWT);

  const report = buildDiagnostics(
    input({
      apiUrl: `https://api.reactor.inc/v1?token=${jwt}#${jwt}`,
      errors: [
        {
          code: "GPU_CONNECTION_ERROR",
          message: `Failed to poll session: 401 https://api.reactor.inc/sessions/1?jwt=${jwt}&x=1 (Authorization: Bearer ${jwt})`,
          at: 5_000,
        },
        {
          code: "app",
          message: `token ${jwt} rejected, key rk_live_abc123 too`,
          at: 6_000,
        },
      ],
    }),
  );
  const text = JSON.stringify(report);
  expect(text).not.toContain(jwt);
  // Not even one of its three parts (a signature alone is still the secret).
  for (const part of jwt.split(".")) expect(text).not.toContain(part);
  expect(text).not.toContain("?token=");
  expect(text).not.toContain("rk_live_abc123");
  expect(report.apiOrigin).toBe("https://api.reactor.inc");
  expect(report.errors[0]!.message).toBe(
    "Failed to poll session: 401 https://api.reactor.inc/sessions/1 (Authorization: Bearer [redacted])",
  );
});

test("redactText strips query strings and fragments from every URL in free text", () => {
  expect(
    redactText(
      "see http://127.0.0.1:8787/x?a=1&b=2 and https://h.test/p#frag.",
    ),
  ).toBe("see http://127.0.0.1:8787/x and https://h.test/p");
});

test("only the last errors and statuses are kept", () => {
  const report = buildDiagnostics(
    input({
      errors: Array.from({ length: 9 }, (_, i) => ({
        code: `E${i}`,
        message: "m",
        at: i,
      })),
    }),
  );
  expect(report.errors.map((e) => e.code)).toEqual([
    "E4",
    "E5",
    "E6",
    "E7",
    "E8",
  ]);
});

test.each([
  [CHROME_LINUX, "Chrome 140.0.7339.80", "Linux"],
  [
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
    "Safari 18.1",
    "macOS",
  ],
  [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36 Edg/140.0.3485.54",
    "Edge 140.0.3485.54",
    "Windows",
  ],
  [
    "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:143.0) Gecko/20100101 Firefox/143.0",
    "Firefox 143.0",
    "Linux",
  ],
])("user agent %#", (userAgent, browser, os) => {
  expect(describeUserAgent(userAgent)).toEqual({ browser, os });
});
