/**
 * Every way GET /api/token can fail, each tied to exactly one HTTP status.
 * Browser-safe: the client imports the code union to tell "wait and retry"
 * (429) from "the operator must fix something" (500/502) without parsing prose.
 *
 * Why 502 for a rejected key rather than 401: the browser did nothing wrong.
 * A 401 here would read as "the visitor must sign in", when the fix is the
 * server's REACTOR_API_KEY. 401 is reserved for authorize(), the app's own auth.
 */
export const TOKEN_ERROR_STATUS = {
  /** REACTOR_* env missing or invalid; the message lists every problem. */
  not_configured: 500,
  /** authorize() refused the request: the app's own auth said no. */
  unauthorized: 401,
  /** A browser on another site (not in REACTOR_ALLOWED_ORIGINS) asked for a token. */
  cross_site: 403,
  /** This app's per-client limit; answered with Retry-After. */
  rate_limited: 429,
  /** Reactor answered 401/403 to the mint: wrong, revoked or under-scoped key. */
  key_rejected: 502,
  /** Reactor answered 429 to the mint; its Retry-After is passed through. */
  upstream_rate_limited: 429,
  /** Reactor answered another error status, or could not be reached at all. */
  upstream_error: 502,
  /** Reactor did not answer within the mint timeout. */
  upstream_timeout: 504,
  /** Reactor answered 2xx without a usable `{ jwt, expires_at }`. */
  upstream_malformed: 502,
  /** A bug in this app; details go to the server log, never to the client. */
  internal_error: 500,
} as const satisfies Record<string, number>;

export type TokenErrorCode = keyof typeof TOKEN_ERROR_STATUS;

/** The codes as a tuple, for `z.enum` in the shared body schema. */
export const TOKEN_ERROR_CODES = Object.keys(TOKEN_ERROR_STATUS) as [
  TokenErrorCode,
  ...TokenErrorCode[],
];

/**
 * Thrown by the server side of the token route and turned into
 * `{ error: { code, message } }` with `TOKEN_ERROR_STATUS[code]`.
 * Messages are shown to the visitor as-is, so each one says what to do next
 * and none ever contains the API key.
 */
export class TokenError extends Error {
  readonly code: TokenErrorCode;
  /** Seconds the caller should wait; sent as Retry-After on 429s. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: TokenErrorCode,
    message: string,
    options: { retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "TokenError";
    this.code = code;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return TOKEN_ERROR_STATUS[this.code];
  }
}
