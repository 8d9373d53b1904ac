/*
 * GET /api/token → 200 { jwt, expiresAt } (expiresAt: Unix epoch ms), or
 * { error: { code, message } } with one status per code (lib/token-errors.ts).
 *
 * Why a server route at all: the Reactor API key can mint tokens that spend
 * your GPU credit, so it stays here. The browser gets a JWT scoped to one
 * model and REACTOR_TOKEN_MAX_SESSIONS sessions, valid for
 * REACTOR_TOKEN_LIFETIME_SECONDS.
 *
 * Why GET: minting changes nothing the caller can observe, it is what
 * Reactor's own examples expose, and a plain GET is a CORS "simple request",
 * so an allow-listed site (REACTOR_ALLOWED_ORIGINS) needs no preflight
 * handler. GET handlers are dynamic by default since Next 15, so nothing here
 * is prerendered or cached by Next.
 *
 * Why it runs outside proxy.ts: see BASE_HEADERS below.
 *
 * Why `Cache-Control: private, no-store` on every response, errors included:
 * - a shared cache (CDN, corporate proxy) must never hold a token: it would
 *   hand one visitor's token to the next;
 * - the browser already keeps the token in memory (lib/token-cache.ts) under
 *   the reuse rule of lib/token-lifetime.ts. An HTTP-cache copy would only add
 *   a second expiry rule to keep in step (Reactor's examples derive max-age
 *   from expires_at);
 * - an error must not stick either: the fix (a key, a restart) should show on
 *   the next try.
 *
 * Why this order: cross-site → authorize → rate limit → config → mint. The
 * cheap refusals that need no secret come first, and a refused caller learns
 * nothing about the configuration. Config is read on every request, so
 * changing the environment needs no rebuild (the parse is memoised per
 * distinct environment in lib/server/env.ts, not repeated per request).
 *
 * HEAD is answered 405 without minting (see HEAD below).
 *
 * What this route never does: log or echo the API key. TokenError messages are
 * written not to contain it, the upstream body is never forwarded, and
 * unexpected errors answer a generic 500 (the details go to the server log).
 *
 * Before production: this endpoint is unauthenticated. Add your auth to
 * lib/server/authorize.ts, and read the README's "Running more than one
 * instance" about where the rate limits count.
 */
import { inspect } from "node:util";
import { authorize } from "@/lib/server/authorize";
import { checkOrigin } from "@/lib/server/cross-site";
import {
  CONFIG_FIX,
  readAccessConfig,
  readServerConfig,
} from "@/lib/server/env";
import { mintToken } from "@/lib/server/mint-token";
import { rateLimitKey } from "@/lib/server/client-key";
import { takeToken } from "@/lib/server/rate-limit";
import { TokenError } from "@/lib/token-errors";
import type { TokenErrorBody, TokenResponse } from "@/lib/token-schema";

const CACHE_CONTROL = "private, no-store";
/*
 * Why the route sets its own headers: proxy.ts skips /api/token (the CSP and
 * nonce it computes are for documents, and slowed every mint: `npm run
 * bench` compares this route with a minimal one). nosniff keeps a browser
 * from reading this JSON as anything else; Cache-Control is explained above.
 * Built once, copied per response.
 */
const BASE_HEADERS: Readonly<Record<string, string>> = {
  "Cache-Control": CACHE_CONTROL,
  "X-Content-Type-Options": "nosniff",
};

export async function GET(request: Request): Promise<Response> {
  // Parsed first but reported last: the allow-list and the limit still apply
  // while the key is missing, with safe fallbacks if those settings are bad.
  const configResult = readServerConfig();
  const access = configResult.ok ? configResult.config : readAccessConfig();

  const origin = checkOrigin(request, access.allowedOrigins);
  if (!origin.allowed) {
    return errorResponse(
      new TokenError(
        "cross_site",
        "This token endpoint only answers pages served by this app. To call it from another site you control, add that site's origin to REACTOR_ALLOWED_ORIGINS and restart the server.",
      ),
    );
  }
  // An allow-listed origin's page may read every answer, errors included, or
  // it would only ever see an opaque network failure.
  const { corsOrigin } = origin;

  try {
    const auth = await authorize(request);
    if (!auth.allowed) {
      return errorResponse(
        new TokenError(
          "unauthorized",
          auth.message ??
            "You are not allowed to start a stream. Sign in and try again.",
        ),
        corsOrigin,
      );
    }

    // Per client, then the deployment-wide ceiling (lib/server/rate-limit.ts).
    // The client is an IP only where a proxy vouches for the IP headers
    // (TRUST_PROXY_HEADERS, or Vercel): lib/server/client-key.ts.
    const limit = await takeToken(
      rateLimitKey(request, {
        userId: auth.userId,
        trustProxyHeaders: access.trustProxyHeaders,
      }),
      access,
    );
    if (!limit.allowed) {
      const { retryAfterSeconds } = limit;
      return errorResponse(
        new TokenError(
          "rate_limited",
          limit.scope === "client"
            ? `Too many token requests from this client. Wait ${retryAfterSeconds} s and try again.`
            : `This app is handing out too many stream tokens right now. Wait ${retryAfterSeconds} s and try again.`,
          { retryAfterSeconds },
        ),
        corsOrigin,
      );
    }

    if (!configResult.ok) {
      const issues = configResult.issues.map((issue) => issue.message);
      return errorResponse(
        new TokenError(
          "not_configured",
          `This app is not configured yet. ${issues.join(" ")} ${CONFIG_FIX}`,
        ),
        corsOrigin,
      );
    }

    const token = await mintToken(configResult.config);
    return json<TokenResponse>(200, token, corsOrigin);
  } catch (error) {
    // mintToken's failures are TokenErrors with key-free messages.
    if (error instanceof TokenError) return errorResponse(error, corsOrigin);
    // A bug, not a Reactor failure: never send its message or stack to the
    // client. The log gets both, with the key masked in case a bug put it there.
    console.error(redactKey(`[api/token] unexpected error: ${inspect(error)}`));
    return errorResponse(
      new TokenError(
        "internal_error",
        "Something went wrong while getting a stream token. Try again; if it keeps happening, check the server logs.",
      ),
      corsOrigin,
    );
  }
}

/**
 * Next derives HEAD from GET when a route exports no HEAD, which would mint
 * (and spend a Reactor token) for a request whose body is thrown away.
 */
export function HEAD(): Response {
  return new Response(null, {
    status: 405,
    headers: { ...BASE_HEADERS, Allow: "GET" },
  });
}

function errorResponse(error: TokenError, corsOrigin?: string): Response {
  const { status } = error;
  // Server-side trail for operators; the messages are key-free by design.
  // Refusals of callers are expected traffic, not worth a log line each.
  if (
    (status >= 500 && error.code !== "internal_error") ||
    error.code === "upstream_rate_limited"
  ) {
    console.error(
      redactKey(
        `[api/token] ${error.code}: ${error.message}${describeCause(error.cause)}`,
      ),
    );
  }
  const body = { error: { code: error.code, message: error.message } };
  const response = json<TokenErrorBody>(status, body, corsOrigin);
  if (error.retryAfterSeconds !== undefined) {
    response.headers.set("Retry-After", String(error.retryAfterSeconds));
  }
  return response;
}

function json<T>(
  status: number,
  body: T,
  corsOrigin: string | undefined,
): Response {
  const headers = new Headers(BASE_HEADERS);
  if (corsOrigin) {
    headers.set("Access-Control-Allow-Origin", corsOrigin);
    headers.set("Vary", "Origin");
  }
  return Response.json(body, { status, headers });
}

/**
 * Last line of defence for log lines: mask the configured key wherever it
 * appears, read raw so it works even when the config is invalid.
 */
function redactKey(text: string): string {
  const key = process.env.REACTOR_API_KEY?.trim();
  return key && key.length > 3
    ? text.replaceAll(key, "[REACTOR_API_KEY]")
    : text;
}

/** e.g. "getaddrinfo ENOTFOUND api.reactor.inc" for a network failure. */
function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return "";
  const inner = cause.cause instanceof Error ? ` (${cause.cause.message})` : "";
  return ` [${cause.name}: ${cause.message}${inner}]`;
}
