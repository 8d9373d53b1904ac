/*
 * The "Copy diagnostics" summary: what support needs to tell a key problem
 * from a network, WebRTC or model problem, as one JSON document.
 *
 * What it never contains: the JWT, the API key (the browser never has it) or
 * any URL's query string or fragment. Fields are picked one by one, never
 * spread from SDK objects, and every free-text value (error messages come
 * from the SDK and the server) passes through redactText() as well.
 * tests/lib/diagnostics.test.ts holds a token in memory and proves it never
 * appears.
 */

export interface StatusEntry {
  status: string;
  /** Unix epoch ms. */
  at: number;
}

export interface ErrorEntry {
  code: string;
  message: string;
  at: number;
}

export interface StatsSnapshot {
  rttMs?: number;
  framesPerSecond?: number;
  packetLossRatio?: number;
  jitterMs?: number;
  candidateType?: string;
}

export interface DiagnosticsInput {
  appVersion: string;
  sdkVersion: string;
  model: string;
  apiUrl: string;
  usingEmulator: boolean;
  sessionId: string | undefined;
  statusHistory: readonly StatusEntry[];
  connectionTimings:
    | {
        sessionCreationMs: number;
        transportConnectingMs: number;
        totalMs: number;
      }
    | undefined;
  ttffMs: number | undefined;
  stats: StatsSnapshot | undefined;
  candidateTypes: readonly string[];
  errors: readonly ErrorEntry[];
  userAgent: string;
  now: number;
}

/** How many of the latest errors and status changes a report keeps. */
export const MAX_ERRORS = 5;
export const MAX_STATUSES = 30;

const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]*/g;
// RFC 6750's b64token alphabet, so a closing bracket after the token survives.
const BEARER = /\b(Bearer)\s+[\w.~+/-]+=*/gi;
const URL_IN_TEXT = /\bhttps?:\/\/[^\s"'<>]+/gi;
const SECRET_WORD = /\b(rk_[\w-]+)/g;

/** Masks tokens, keys and query strings in free text. */
export function redactText(text: string): string {
  return text
    .replace(URL_IN_TEXT, (url) => stripQuery(url))
    .replace(BEARER, "$1 [redacted]")
    .replace(JWT, "[redacted JWT]")
    .replace(SECRET_WORD, "[redacted key]");
}

function stripQuery(url: string): string {
  const cut = url.search(/[?#]/);
  return cut === -1 ? url : url.slice(0, cut);
}

/** Origin only: the API URL may not carry a path worth sharing, and never a query. */
function originOf(url: string): string {
  return URL.canParse(url) ? new URL(url).origin : "(invalid URL)";
}

const round = (value: number | undefined, digits = 0) =>
  value === undefined || !Number.isFinite(value)
    ? undefined
    : Number(value.toFixed(digits));

export function buildDiagnostics(input: DiagnosticsInput) {
  const iso = (at: number) => new Date(at).toISOString();
  return {
    generatedAt: iso(input.now),
    app: { version: input.appVersion },
    sdk: { package: "@reactor-team/js-sdk", version: input.sdkVersion },
    model: input.model,
    apiOrigin: originOf(input.apiUrl),
    emulator: input.usingEmulator,
    sessionId: input.sessionId ?? null,
    statusHistory: input.statusHistory.slice(-MAX_STATUSES).map((entry) => ({
      status: entry.status,
      at: iso(entry.at),
    })),
    connectionTimings: input.connectionTimings
      ? {
          sessionCreationMs: round(input.connectionTimings.sessionCreationMs),
          transportConnectingMs: round(
            input.connectionTimings.transportConnectingMs,
          ),
          totalMs: round(input.connectionTimings.totalMs),
        }
      : null,
    timeToFirstFrameMs: round(input.ttffMs) ?? null,
    stats: input.stats
      ? {
          rttMs: round(input.stats.rttMs),
          framesPerSecond: round(input.stats.framesPerSecond, 1),
          packetLossRatio: round(input.stats.packetLossRatio, 4),
          jitterMs: round(input.stats.jitterMs, 1),
          candidateType: input.stats.candidateType,
        }
      : null,
    candidateTypes: [...new Set(input.candidateTypes)],
    errors: input.errors.slice(-MAX_ERRORS).map((error) => ({
      code: redactText(error.code),
      message: redactText(error.message),
      at: iso(error.at),
    })),
    browser: describeUserAgent(input.userAgent),
  };
}

export type Diagnostics = ReturnType<typeof buildDiagnostics>;

// First match wins: Edge and Chrome both say "Chrome/", Chrome says "Safari/".
const BROWSERS: [string, RegExp][] = [
  ["Edge", /Edg\/([\d.]+)/],
  ["Firefox", /Firefox\/([\d.]+)/],
  ["Chrome", /(?:Chrome|Chromium)\/([\d.]+)/],
  ["Safari", /Version\/([\d.]+).*Safari\//],
];
const SYSTEMS: [string, RegExp][] = [
  ["Windows", /Windows NT/],
  ["iOS", /iPhone|iPad|iPod/],
  ["macOS", /Mac OS X/],
  ["Android", /Android/],
  ["ChromeOS", /CrOS/],
  ["Linux", /Linux/],
];

/** Browser and OS names from the user agent; good enough for a support ticket. */
export function describeUserAgent(userAgent: string): {
  browser: string;
  os: string;
} {
  let browser = "unknown";
  for (const [name, pattern] of BROWSERS) {
    const version = userAgent.match(pattern)?.[1];
    if (version) {
      browser = `${name} ${version}`;
      break;
    }
  }
  const os =
    SYSTEMS.find(([, pattern]) => pattern.test(userAgent))?.[0] ?? "unknown";
  return { browser, os };
}
