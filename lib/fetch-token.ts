import type { TokenResponse } from "@/lib/token-schema";
import type { TokenErrorCode } from "@/lib/token-errors";

/** Failures the browser can see: the route's own codes plus two of its own. */
export type TokenFetchErrorCode =
  TokenErrorCode | "network_error" | "invalid_response";

export class TokenFetchError extends Error {
  readonly code: TokenFetchErrorCode;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: TokenFetchErrorCode,
    message: string,
    retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "TokenFetchError";
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

const TOKEN_PATH = "/api/token";

/** GET /api/token, parsed with the same schema the route answers with. */
export async function fetchToken(signal?: AbortSignal): Promise<TokenResponse> {
  // The schemas (and zod, ~30 KB gzip) load in parallel with the request
  // instead of in the page's first load; the SDK needs zod too, so the chunk
  // is shared with it.
  const schemas = import("@/lib/token-schema");
  schemas.catch(() => undefined);
  let response: Response;
  try {
    response = await fetch(TOKEN_PATH, { cache: "no-store", signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new TokenFetchError(
      "network_error",
      "Could not reach this app's /api/token route. Check your connection and that the server is running, then try again.",
    );
  }

  const body: unknown = await response.json().catch(() => undefined);
  const { tokenErrorBodySchema, tokenResponseSchema } = await schemas;

  if (response.ok) {
    const parsed = tokenResponseSchema.safeParse(body);
    if (parsed.success) return parsed.data;
    throw new TokenFetchError(
      "invalid_response",
      "/api/token answered without a usable token. Check the server logs for the token route.",
    );
  }

  const error = tokenErrorBodySchema.safeParse(body);
  if (!error.success) {
    throw new TokenFetchError(
      "invalid_response",
      `/api/token failed with HTTP ${response.status}. Check the server logs for the token route.`,
    );
  }
  throw new TokenFetchError(
    error.data.error.code,
    error.data.error.message,
    parseRetryAfter(response.headers.get("Retry-After")),
  );
}

function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}
