import type { TokenResponse } from "@/lib/token-schema";
import type { TokenErrorCode } from "@/lib/token-errors";

/** Failures the browser can see: the route's own codes plus two of its own. */
export type TokenFetchErrorCode =
  TokenErrorCode | "network_error" | "invalid_response";

export class TokenFetchError extends Error {
  readonly code: TokenFetchErrorCode;

  constructor(code: TokenFetchErrorCode, message: string) {
    super(message);
    this.name = "TokenFetchError";
    this.code = code;
  }
}

const TOKEN_PATH = "/api/token";

/** GET /api/token, parsed with the same schema the route answers with. */
export async function fetchToken(): Promise<TokenResponse> {
  // The schemas (and zod, ~30 KB gzip) load in parallel with the request
  // instead of in the page's first load; the SDK needs zod too, so the chunk
  // is shared with it.
  const schemas = import("@/lib/token-schema");
  schemas.catch(() => undefined);
  let response: Response;
  try {
    response = await fetch(TOKEN_PATH, { cache: "no-store" });
  } catch {
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
  // The route's messages already say how long to wait (Retry-After in words).
  throw new TokenFetchError(error.data.error.code, error.data.error.message);
}
