import "server-only";
import { Redis } from "ioredis";

/*
 * The Redis connection the token rate limits share across instances.
 * rate-limit.ts imports this module dynamically, and only when REDIS_URL is
 * set, so the common single-instance case never loads ioredis.
 *
 * Why these options: a rate limiter must answer at once or step aside. With
 * no offline queue a command fails immediately while the connection is down
 * instead of waiting for it, and the command timeout bounds one that Redis
 * accepted but never answered (a stalled or overloaded server). Either way
 * rate-limit.ts answers from its in-memory insurance limiter, so an outage
 * means per-instance limits, never a 500 and never a hung request.
 * https://github.com/animir/node-rate-limiter-flexible/wiki/Redis
 *
 * REDIS_URL usually holds a password: nothing here logs the URL or any part of
 * it, and Redis's own error messages are reduced to their error code.
 */

/** An Upstash round trip across regions is ~100 ms; more means trouble. */
export const REDIS_COMMAND_TIMEOUT_MS = 500;
/** Also how long the first token request waits for the first connection. */
export const REDIS_CONNECT_TIMEOUT_MS = 2_000;
const OUTAGE_LOG_INTERVAL_MS = 60_000;

export interface SharedRedis {
  client: Redis;
  /** A limiter answered from memory; logs why, at most once a minute. */
  noteFallback(): void;
  close(): void;
}

export async function connectRedis(url: string): Promise<SharedRedis> {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
    // Keep trying in the background, at most every 5 s, so limits are shared
    // again soon after Redis is back.
    retryStrategy: (attempt) => Math.min(attempt * 250, 5_000),
  });

  let reason = "not connected yet";
  let lastLoggedAt = Number.NEGATIVE_INFINITY;
  let outageLogged = false;

  // Without a listener ioredis prints every failed reconnect; the reason is
  // kept for the throttled line below instead.
  client.on("error", (error: unknown) => {
    reason = describeRedisError(error);
  });
  client.on("ready", () => {
    // What the next outage is, until an error event says more.
    reason = "connection lost";
    if (outageLogged) {
      console.info(
        "[api/token] Redis (REDIS_URL) answers again: token rate limits are shared across instances again.",
      );
      outageLogged = false;
    }
  });

  await firstConnection(client);

  return {
    client,
    noteFallback() {
      const now = Date.now();
      if (now - lastLoggedAt < OUTAGE_LOG_INTERVAL_MS) return;
      lastLoggedAt = now;
      outageLogged = true;
      console.error(
        `[api/token] Redis (REDIS_URL) is unavailable (${reason}): token rate limits count in this instance's memory until it answers again. Check that Redis is up and REDIS_URL is right. This message repeats at most once a minute.`,
      );
    },
    close() {
      client.disconnect();
    },
  };
}

/** Ready, failed or timed out: the limiters then decide per request. */
function firstConnection(client: Redis): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, REDIS_CONNECT_TIMEOUT_MS);
    client.once("ready", done);
    client.once("error", done);
    function done() {
      clearTimeout(timer);
      client.off("ready", done);
      client.off("error", done);
      resolve();
    }
  });
}

/**
 * "ECONNREFUSED", "ETIMEDOUT", "WRONGPASS", "Command timed out"… Socket
 * errors name the host and port, and a server's reply could quote what it was
 * sent, so only a code or the first word of the message is kept.
 */
export function describeRedisError(error: unknown): string {
  if (!(error instanceof Error)) return "unknown error";
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && /^[A-Z_]+$/.test(code)) return code;
  if (error.message === "Command timed out") return "command timed out";
  const firstWord = /^[A-Z][A-Z_]+\b/.exec(error.message)?.[0];
  return firstWord ?? error.name;
}
