import "server-only";
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type IRateLimiterOptions,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import type { AccessConfig } from "@/lib/server/env";
import type { SharedRedis } from "@/lib/server/redis-client";

/*
 * Two limits on GET /api/token, both with rate-limiter-flexible
 * (https://github.com/animir/node-rate-limiter-flexible):
 * - per client (TOKEN_RATE_LIMIT_PER_MINUTE), keyed by client-key.ts;
 * - a ceiling for the whole deployment (TOKEN_RATE_LIMIT_GLOBAL_PER_MINUTE),
 *   one key for everyone, which no choice of client key can get around.
 *
 * Where they count: in this process's memory by default, so per instance (on
 * Vercel every function instance counts alone, and a cold start forgets). With
 * REDIS_URL, in Redis, shared by every instance; each Redis limiter carries an
 * in-memory insurance limiter with the same limit, so while Redis is down the
 * limits are per instance again rather than gone (redis-client.ts).
 *
 * Windows are fixed minutes per key, started by its first request: a client
 * can burst its whole limit (a reload, a second tab), and at most twice the
 * limit across a window edge. Memory holds one small record per key seen in
 * the last minute.
 */

const WINDOW_SECONDS = 60;
/** Redis key prefix; instances with the same prefix share their counts. */
const KEY_PREFIX = "reactor-token";
/** The ceiling's one key. */
const DEPLOYMENT_KEY = "deployment";
const CEILING_LOG_INTERVAL_MS = 60_000;

export type RateLimitScope = "client" | "deployment";

export type RateLimitResult =
  | { allowed: true }
  | { allowed: false; scope: RateLimitScope; retryAfterSeconds: number };

export type TokenLimits = Pick<
  AccessConfig,
  "rateLimitPerMinute" | "rateLimitGlobalPerMinute" | "redisUrl"
>;

interface Limiters {
  client?: RateLimiterAbstract;
  deployment?: RateLimiterAbstract;
}

/** The limiters for the current limits; rebuilt only if the limits change. */
let current: { signature: string; limiters: Promise<Limiters> } | undefined;
/** One connection per REDIS_URL for the life of the process. */
const redisByUrl = new Map<string, Promise<SharedRedis>>();
let ceilingLoggedAt = Number.NEGATIVE_INFINITY;

/** Spend one token request for `clientKey`, or say how long to wait. */
export async function takeToken(
  clientKey: string,
  limits: TokenLimits,
): Promise<RateLimitResult> {
  const { client, deployment } = await limitersFor(limits);
  // Per client first: a client already over its own limit must not also use
  // up the ceiling that everyone else shares.
  const clientWait = client && (await spend(client, clientKey));
  if (clientWait) {
    return { allowed: false, scope: "client", retryAfterSeconds: clientWait };
  }
  const deploymentWait =
    deployment && (await spend(deployment, DEPLOYMENT_KEY));
  if (deploymentWait) {
    logCeiling(limits.rateLimitGlobalPerMinute);
    return {
      allowed: false,
      scope: "deployment",
      retryAfterSeconds: deploymentWait,
    };
  }
  return { allowed: true };
}

/** Forget every count in memory and close Redis connections (tests). */
export function resetTokenRateLimits(): void {
  current = undefined;
  ceilingLoggedAt = Number.NEGATIVE_INFINITY;
  for (const redis of redisByUrl.values()) {
    void redis.then((connection) => connection.close());
  }
  redisByUrl.clear();
}

/** Seconds to wait when refused, else undefined. */
async function spend(
  limiter: RateLimiterAbstract,
  key: string,
): Promise<number | undefined> {
  try {
    await limiter.consume(key);
    return undefined;
  } catch (refusal) {
    // Anything else is a bug (the insurance limiter never fails): let the
    // route turn it into its generic 500.
    if (!(refusal instanceof RateLimiterRes)) throw refusal;
    return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
  }
}

function limitersFor(limits: TokenLimits): Promise<Limiters> {
  // Limits are read from the environment per request; in production they
  // never change, in tests they do.
  const signature = JSON.stringify([
    limits.rateLimitPerMinute,
    limits.rateLimitGlobalPerMinute,
    limits.redisUrl ?? null,
  ]);
  if (current?.signature !== signature) {
    current = { signature, limiters: createLimiters(limits) };
  }
  return current.limiters;
}

async function createLimiters(limits: TokenLimits): Promise<Limiters> {
  const redis = limits.redisUrl
    ? await sharedRedis(limits.redisUrl)
    : undefined;
  const create = (name: string, points: number) => {
    if (points <= 0) return undefined;
    const options: IRateLimiterOptions = {
      keyPrefix: `${KEY_PREFIX}:${name}`,
      points,
      duration: WINDOW_SECONDS,
    };
    if (!redis) return new RateLimiterMemory(options);
    return new RateLimiterRedis({
      ...options,
      storeClient: redis.client,
      // Not connected → straight to the insurance limiter, no waiting.
      rejectIfRedisNotReady: true,
      insuranceLimiter: new InsuranceLimiter(options, redis.noteFallback),
    });
  };
  return {
    client: create("client", limits.rateLimitPerMinute),
    deployment: create("deployment", limits.rateLimitGlobalPerMinute),
  };
}

function sharedRedis(url: string): Promise<SharedRedis> {
  let redis = redisByUrl.get(url);
  if (!redis) {
    // Dynamic, so ioredis is loaded only by deployments that set REDIS_URL.
    redis = import("@/lib/server/redis-client").then(({ connectRedis }) =>
      connectRedis(url),
    );
    redisByUrl.set(url, redis);
  }
  return redis;
}

/**
 * An in-memory limiter that says when it is used: rate-limiter-flexible calls
 * it only when Redis failed, which is the moment to tell the operator.
 */
class InsuranceLimiter extends RateLimiterMemory {
  private readonly onUse: () => void;

  constructor(options: IRateLimiterOptions, onUse: () => void) {
    super(options);
    this.onUse = onUse;
  }

  override consume(
    ...args: Parameters<RateLimiterMemory["consume"]>
  ): ReturnType<RateLimiterMemory["consume"]> {
    this.onUse();
    return super.consume(...args);
  }
}

/** Real traffic or someone minting through many client keys: either way, say so. */
function logCeiling(limit: number): void {
  const now = Date.now();
  if (now - ceilingLoggedAt < CEILING_LOG_INTERVAL_MS) return;
  ceilingLoggedAt = now;
  console.warn(
    `[api/token] The deployment-wide limit of ${limit} tokens a minute (TOKEN_RATE_LIMIT_GLOBAL_PER_MINUTE) refused a request. If this is real traffic, raise it; if not, someone is minting tokens from many addresses or accounts. This message repeats at most once a minute.`,
  );
}
