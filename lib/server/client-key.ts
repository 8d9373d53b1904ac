import "server-only";
import { readAccessConfig } from "@/lib/server/env";

/*
 * Who is asking, for the per-client rate limit.
 *
 * A user id from authorize() beats any header. Otherwise the client IP, but
 * only where the platform vouches for it (TRUST_PROXY_HEADERS=1, or Vercel):
 * `x-real-ip` and `x-forwarded-for` are plain request headers, and Next's own
 * server only fills `x-forwarded-for` when the caller sent none
 * (next/dist/server/base-server.js). Reached directly, a client that rotates
 * them gets a fresh bucket per request: 40 fake addresses, 40 tokens.
 *
 * Untrusted, every anonymous caller shares one bucket. That is strict (one
 * busy visitor can make others wait), but honest; the deployment-wide ceiling
 * (TOKEN_RATE_LIMIT_GLOBAL_PER_MINUTE) bounds spend either way.
 */

/** The one bucket for anonymous callers when no proxy vouches for their IP. */
export const SHARED_ANONYMOUS_KEY = "anonymous";

export interface ClientKeyOptions {
  /** From authorize(): counts per user, whatever the address. */
  userId?: string;
  /** ServerConfig.trustProxyHeaders. */
  trustProxyHeaders: boolean;
}

export function rateLimitKey(
  request: Request,
  { userId, trustProxyHeaders }: ClientKeyOptions,
): string {
  if (userId) return `user:${userId}`;
  if (!trustProxyHeaders) return SHARED_ANONYMOUS_KEY;
  // Vercel and most proxies set x-real-ip to the address they saw. Read first,
  // so a proxy that only appends to x-forwarded-for must also overwrite it
  // (README, "Running more than one instance").
  const realIp = request.headers.get("x-real-ip")?.trim();
  if (realIp) return `ip:${realIp}`;
  // Else the *last* hop: the one added by the proxy nearest to us. Earlier
  // hops are whatever the client chose to send.
  const forwarded = request.headers
    .get("x-forwarded-for")
    ?.split(",")
    .map((hop) => hop.trim())
    .filter(Boolean)
    .at(-1);
  return forwarded ? `ip:${forwarded}` : SHARED_ANONYMOUS_KEY;
}

/**
 * The line a production server logs at start (instrumentation.ts) when it
 * does not trust the IP headers, or undefined when it does.
 */
export function untrustedProxyHeadersWarning(
  env: Record<string, string | undefined> = process.env,
): string | undefined {
  if (readAccessConfig(env).trustProxyHeaders) return undefined;
  return '[api/token] TRUST_PROXY_HEADERS is not set, so x-real-ip / x-forwarded-for are ignored (any caller can forge them) and all anonymous visitors share one token rate limit (TOKEN_RATE_LIMIT_PER_MINUTE). If a proxy in front of this server overwrites those headers (nginx, Fly, Render, Cloudflare), set TRUST_PROXY_HEADERS=1 to limit per visitor; on Vercel they are trusted already. See the README, "Running more than one instance".';
}
