import "server-only";
import { LRUCache } from "lru-cache";

/*
 * A per-client token bucket in this process's memory.
 *
 * Why a bucket: `limit` requests may burst (a reload, a second tab), then one
 * more every 60/limit s. A fixed window would allow 2×limit across a window edge.
 *
 * Why an LRU: memory stays bounded however many clients (or spoofed IPs)
 * arrive; evicting the least recently seen client only forgets its debt.
 *
 * What it does not cover: each server instance (every serverless function
 * instance on Vercel, every `next start` replica) keeps its own buckets, and
 * a cold start empties them. For a hard limit across instances use a shared
 * store (Upstash Ratelimit, Vercel WAF rate limiting, Redis) keyed the same way.
 */

/** Clients remembered at once; each entry is two numbers, so ~1 MB at most. */
const MAX_TRACKED_CLIENTS = 10_000;
const WINDOW_MS = 60_000;

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export type RateLimitResult =
  { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Spend one request for `key`; `limitPerMinute` 0 means unlimited. */
  take(key: string, limitPerMinute: number, now?: number): RateLimitResult;
  /** Forget every client (tests, or a deploy hook). */
  clear(): void;
}

export function createRateLimiter(
  maxClients: number = MAX_TRACKED_CLIENTS,
): RateLimiter {
  const buckets = new LRUCache<string, Bucket>({ max: maxClients });
  return {
    take(key, limitPerMinute, now = Date.now()) {
      if (limitPerMinute <= 0) return { allowed: true };
      // The limit is read from env per request, so refill with today's rate
      // and cap at today's capacity even if the bucket was filled under another.
      const refillPerMs = limitPerMinute / WINDOW_MS;
      const previous = buckets.get(key);
      const tokens = previous
        ? Math.min(
            limitPerMinute,
            previous.tokens +
              Math.max(0, now - previous.updatedAt) * refillPerMs,
          )
        : limitPerMinute;
      if (tokens < 1) {
        buckets.set(key, { tokens, updatedAt: now });
        return {
          allowed: false,
          retryAfterSeconds: Math.max(
            1,
            Math.ceil((1 - tokens) / refillPerMs / 1000),
          ),
        };
      }
      buckets.set(key, { tokens: tokens - 1, updatedAt: now });
      return { allowed: true };
    },
    clear() {
      buckets.clear();
    },
  };
}

/** The limiter behind GET /api/token; one per server process. */
export const tokenRateLimiter = createRateLimiter();

/**
 * Who is asking, for the rate limit. A user id from authorize() beats any
 * header. Otherwise the client IP as the platform reports it: Vercel and most
 * reverse proxies set `x-real-ip`, and Next's own server fills
 * `x-forwarded-for` from the socket when nothing in front did. We take the
 * *last* `x-forwarded-for` hop, the one added by the proxy nearest to us:
 * earlier hops are whatever the client chose to send.
 *
 * A client that reaches `next start` directly can still invent these headers;
 * put the app behind a proxy that overwrites them (Vercel does) before relying
 * on per-IP limits.
 */
export function rateLimitKey(request: Request, userId?: string): string {
  if (userId) return `user:${userId}`;
  const realIp = request.headers.get("x-real-ip")?.trim();
  if (realIp) return `ip:${realIp}`;
  const forwarded = request.headers
    .get("x-forwarded-for")
    ?.split(",")
    .map((hop) => hop.trim())
    .filter(Boolean)
    .at(-1);
  // No address at all (a test, an unusual host): one shared bucket.
  return forwarded ? `ip:${forwarded}` : "ip:unknown";
}
