import "server-only";
import { z } from "zod";
import type { ServerConfig } from "@/lib/server/env";
import { TokenError } from "@/lib/token-errors";
import type { TokenResponse } from "@/lib/token-schema";

/*
 * One call to Reactor: POST {apiUrl}/tokens with the API key, for a JWT scoped
 * to one model and a session budget (docs/reactor-contract.md, "Minting a
 * token"). The older GET + X-API-Key form from Reactor's first docs now
 * answers 404.
 *
 * Every failure becomes a TokenError whose message says what to do next. The
 * upstream body is never echoed or logged: we don't know its shape, and an
 * error body that quotes the key it rejected would leak it.
 */

/**
 * Why 8 s: a healthy mint answers in well under a second; a hanging Reactor
 * must not hang the route (and the visitor's Connect) until the platform's
 * own function timeout, which is 10 s on Vercel's Hobby plan.
 */
export const MINT_TIMEOUT_MS = 8_000;
/** Reactor sent 429 without Retry-After: wait out a per-minute window. */
export const DEFAULT_UPSTREAM_RETRY_AFTER_SECONDS = 30;
/** Never tell a visitor to wait longer than this, whatever upstream says. */
const MAX_RETRY_AFTER_SECONDS = 3_600;

/**
 * Why a cap on the body: a token reply is ~1 KiB; whatever answers at
 * REACTOR_API_URL (a misconfigured proxy, a hostile host) must not make this
 * server buffer megabytes per visitor.
 */
export const MAX_UPSTREAM_BODY_BYTES = 64 * 1024;
/** Reactor's JWTs are well under 2 KiB; a larger "token" is not one. */
export const MAX_JWT_LENGTH = 8 * 1024;
/** A token with less than this left is useless by the time the SDK connects. */
const MIN_REMAINING_SECONDS = 60;
/** Clock skew between this server and Reactor that is still accepted. */
const EXPIRY_SKEW_SECONDS = 15 * 60;

/** A compact JWS: three base64url parts (RFC 7515 §7.1). Claims are never read. */
const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/** Reactor's 200 body; a 200 without a non-empty jwt is a failure (docs/reactor-contract.md). */
const upstreamTokenSchema = z.object({
  jwt: z.string().max(MAX_JWT_LENGTH).regex(JWT_SHAPE),
  /** Unix epoch seconds, already clamped to Reactor's 6 h ceiling. */
  expires_at: z.number().int().positive(),
});

export type MintConfig = Pick<
  ServerConfig,
  "apiKey" | "apiUrl" | "model" | "tokenLifetimeSeconds" | "tokenMaxSessions"
>;

export interface MintOptions {
  /** Abort the upstream call after this long; tests pass a few ms. */
  timeoutMs?: number;
}

/** Mint a scoped JWT; resolves to the route's own body shape (expiresAt in ms). */
export async function mintToken(
  config: MintConfig,
  { timeoutMs = MINT_TIMEOUT_MS }: MintOptions = {},
): Promise<TokenResponse> {
  // One signal for connect, headers and body: a server that sends headers and
  // then stalls the body is as stuck as one that never answers.
  //
  // Why a timer cleared when the mint ends, not AbortSignal.timeout(): that
  // timer runs out its full 8 s after the mint, and while fetch listens to
  // its signal it holds the async context the mint ran in, which under Next
  // is the whole request. Under `npm run bench`'s load (~500 mints/s) that
  // kept 1.4 GB of finished requests alive (0.3 GB without), and collecting
  // them cost the route about 13 points of its throughput share.
  const controller = new AbortController();
  const timer = setTimeout(
    () =>
      controller.abort(new DOMException("The mint timed out.", "TimeoutError")),
    timeoutMs,
  );
  try {
    return await mintWithSignal(config, controller.signal, timeoutMs);
  } finally {
    clearTimeout(timer);
  }
}

async function mintWithSignal(
  config: MintConfig,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<TokenResponse> {
  const url = `${config.apiUrl}/tokens`;

  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: {
        "Reactor-API-Key": config.apiKey,
        "Content-Type": "application/json",
        Accept: "application/json",
      },
      body: JSON.stringify({
        expires_after: config.tokenLifetimeSeconds,
        authorization_details: [
          {
            type: "session",
            // Scoped: the token can only start sessions of this model and only
            // act on sessions it created (anything else answers 403).
            resources: { models: { match: [config.model] } },
            constraints: { max_sessions: config.tokenMaxSessions },
          },
        ],
      }),
      signal,
      // A token must never be served from a fetch cache.
      cache: "no-store",
      // Never follow a redirect: fetch would resend Reactor-API-Key to the
      // target and we would serve its JWT as ours. A 3xx is reported below.
      redirect: "manual",
    });
  } catch (error) {
    throw signal.aborted
      ? timeoutError(config, timeoutMs, error)
      : new TokenError(
          "upstream_error",
          `Could not reach Reactor at ${config.apiUrl}. Check REACTOR_API_URL and this server's network${isPlainHttp(config.apiUrl) ? "; for the local emulator, make sure it is running (npm run emulator)" : ""}, then try again.`,
          { cause: error },
        );
  }

  if (!response.ok) {
    // The error body is never read (see the top of this file); free the connection.
    response.body?.cancel().catch(() => undefined);
    throw errorForStatus(response, config);
  }

  let text: string | undefined;
  // Raced against the signal ourselves: not every fetch implementation
  // (mocks, wrappers) ties the body stream to the request's signal.
  const aborted = rejectWhenAborted(signal);
  try {
    text = await Promise.race([
      readCapped(response, MAX_UPSTREAM_BODY_BYTES),
      aborted.promise,
    ]);
  } catch (error) {
    if (!response.body?.locked) response.body?.cancel().catch(() => undefined);
    if (signal.aborted) throw timeoutError(config, timeoutMs, error);
    text = undefined; // unreadable: reported as malformed below
  } finally {
    aborted.dispose();
  }

  const parsed = upstreamTokenSchema.safeParse(parseJson(text));
  if (!parsed.success) {
    throw new TokenError(
      "upstream_malformed",
      `Reactor answered the token request without a usable token. Check that REACTOR_API_URL (${config.apiUrl}) points at the Reactor API itself, not a web page or proxy, then try again.`,
    );
  }
  // Reactor clamps to 6 h and answers in seconds. Milliseconds (above 1e11),
  // an expiry in the past or far beyond what we asked for mean the answer is
  // not Reactor's, or one of the two clocks is wrong: either way the browser
  // would hold a token whose expiry it cannot trust.
  const nowSeconds = Date.now() / 1000;
  const expiresAt = parsed.data.expires_at;
  if (
    expiresAt <= nowSeconds + MIN_REMAINING_SECONDS ||
    expiresAt > nowSeconds + config.tokenLifetimeSeconds + EXPIRY_SKEW_SECONDS
  ) {
    throw new TokenError(
      "upstream_malformed",
      `Reactor answered the token request with an expiry this server cannot trust (not between 1 minute and REACTOR_TOKEN_LIFETIME_SECONDS from now). Check this server's clock (it must be in sync, e.g. via NTP) and that REACTOR_API_URL (${config.apiUrl}) points at the Reactor API itself, then try again.`,
    );
  }
  return { jwt: parsed.data.jwt, expiresAt: expiresAt * 1000 };
}

/** The body as text, or a rejection once it passes `limit` bytes. */
async function readCapped(response: Response, limit: number): Promise<string> {
  const declared = Number(response.headers.get("Content-Length"));
  if (declared > limit) throw new Error("upstream body too large");
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: a stream source may settle its cancel only later (msw's
      // never does), and the connection is freed either way.
      reader.cancel().catch(() => undefined);
      throw new Error("upstream body too large");
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Rejects when `signal` aborts. `dispose()` removes the listener, and that
 * still matters with the timer cleared: without it, `next start` grew to
 * 0.6 GB RSS in 25 s of the benchmark's load, against 0.3 GB with it.
 * Measured, not explained: something keeps the signal reachable after the
 * mint, and a listener on it keeps the request's async context.
 */
function rejectWhenAborted(signal: AbortSignal) {
  let dispose = () => {};
  const promise = new Promise<never>((_, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    dispose = () => signal.removeEventListener("abort", onAbort);
  });
  return { promise, dispose };
}

function timeoutError(
  config: MintConfig,
  timeoutMs: number,
  cause: unknown,
): TokenError {
  return new TokenError(
    "upstream_timeout",
    `Reactor did not answer the token request within ${timeoutMs / 1000} s. Try again in a moment; if it keeps happening, check that REACTOR_API_URL (${config.apiUrl}) is reachable from this server.`,
    { cause },
  );
}

function isPlainHttp(url: string): boolean {
  return url.startsWith("http://");
}

function errorForStatus(response: Response, config: MintConfig): TokenError {
  const { status } = response;
  if (status >= 300 && status < 400) {
    // Only the target's origin is named: a Location path or query may carry
    // anything, and the key itself was never sent there.
    const location = response.headers.get("Location");
    const target =
      location && URL.canParse(location, config.apiUrl)
        ? ` to ${new URL(location, config.apiUrl).origin}`
        : "";
    return new TokenError(
      "upstream_error",
      `Reactor's token endpoint answered with a redirect (HTTP ${status})${target}, which this app never follows, so the API key is not sent anywhere else. Set REACTOR_API_URL to the final Reactor API address (for example with https:// instead of http://) and restart the server.`,
    );
  }
  if (status === 401) {
    return new TokenError(
      "key_rejected",
      "Reactor rejected this app's API key (HTTP 401). Check REACTOR_API_KEY against the Reactor dashboard (https://reactor.inc): it may be mistyped, revoked or from another environment than REACTOR_API_URL. Fix it in .env.local and restart the server.",
    );
  }
  if (status === 403) {
    return new TokenError(
      "key_rejected",
      `Reactor refused to mint a token for model ${config.model} (HTTP 403). Check in the Reactor dashboard (https://reactor.inc) that your API key may use this model, or change REACTOR_MODEL, then restart the server.`,
    );
  }
  if (status === 429) {
    const retryAfterSeconds =
      parseRetryAfter(response.headers.get("Retry-After")) ??
      DEFAULT_UPSTREAM_RETRY_AFTER_SECONDS;
    return new TokenError(
      "upstream_rate_limited",
      `Reactor is rate-limiting token requests for this account. Wait ${retryAfterSeconds} s and try again.`,
      { retryAfterSeconds },
    );
  }
  if (status >= 500) {
    return new TokenError(
      "upstream_error",
      `Reactor's token service failed (HTTP ${status}). Try again in a minute; if it persists, Reactor may be having an outage.`,
    );
  }
  // 400/404/…: the request or the base URL is wrong, not the key.
  return new TokenError(
    "upstream_error",
    `Reactor answered the token request with HTTP ${status}. Check that REACTOR_API_URL (${config.apiUrl}) is the Reactor API and that REACTOR_MODEL (${config.model}) exists.`,
  );
}

/** Retry-After as delta-seconds or an HTTP date (RFC 9110 §10.2.3), clamped. */
export function parseRetryAfter(
  value: string | null,
  now: number = Date.now(),
): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const trimmed = value.trim();
  // An HTTP date always names a weekday and month; anything else (like "-5")
  // is garbage that Date.parse would still accept.
  const seconds = /^\d+$/.test(trimmed)
    ? Number(trimmed)
    : /[a-z]/i.test(trimmed)
      ? Math.ceil((Date.parse(trimmed) - now) / 1000)
      : Number.NaN;
  if (!Number.isFinite(seconds)) return undefined;
  return Math.min(Math.max(seconds, 1), MAX_RETRY_AFTER_SECONDS);
}
