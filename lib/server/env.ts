import "server-only";
import type { z } from "zod";
import type { PublicConfig } from "@/lib/public-config";
import {
  fields,
  isLoopbackHost,
  schemas,
  SERVER_ENV_VARIABLES,
} from "@/lib/server/env-variables";

export {
  API_KEY_PLACEHOLDER,
  CONFIG_FIX,
  DEFAULT_MODEL,
  isLoopbackHost,
  SERVER_ENV_VARIABLES,
} from "@/lib/server/env-variables";

/*
 * The server's whole configuration, read from the environment through the
 * schema in lib/server/env-variables.ts at call time (not at import), so a
 * changed variable applies on the next start without a rebuild, and tests can
 * change process.env between calls.
 *
 * A result, not a throw: the page turns the issues into a setup screen and the
 * token route into a 500 with the same text, so a newcomer reads instructions,
 * not a stack trace; every problem at once, so one restart fixes them all.
 */

type Env = Record<string, string | undefined>;

/** Vercel sets `VERCEL=1` in every deployment and overwrites the IP headers. */
const onVercel = (env: Env) => !!env.VERCEL?.trim();

/** The one renaming from variables to the config the app reads. */
function toServerConfig(parsed: z.infer<typeof schemas.production>, env: Env) {
  return {
    apiKey: parsed.REACTOR_API_KEY,
    model: parsed.REACTOR_MODEL,
    apiUrl: parsed.REACTOR_API_URL,
    tokenLifetimeSeconds: parsed.REACTOR_TOKEN_LIFETIME_SECONDS,
    tokenMaxSessions: parsed.REACTOR_TOKEN_MAX_SESSIONS,
    allowedOrigins: parsed.REACTOR_ALLOWED_ORIGINS,
    rateLimitPerMinute: parsed.TOKEN_RATE_LIMIT_PER_MINUTE,
    rateLimitGlobalPerMinute: parsed.TOKEN_RATE_LIMIT_GLOBAL_PER_MINUTE,
    trustProxyHeaders: parsed.TRUST_PROXY_HEADERS ?? onVercel(env),
    redisUrl: parsed.REDIS_URL,
    usingEmulator: isLoopbackHost(new URL(parsed.REACTOR_API_URL).hostname),
    idleDisconnectSeconds: parsed.REACTOR_IDLE_DISCONNECT_SECONDS,
    hiddenDisconnectSeconds: parsed.REACTOR_HIDDEN_DISCONNECT_SECONDS,
  };
}

export type ServerConfig = ReturnType<typeof toServerConfig>;

/** `message` starts with the variable's name and never quotes its value. */
export type ConfigIssue = { variable: string; message: string };

export type ServerConfigResult =
  { ok: true; config: ServerConfig } | { ok: false; issues: ConfigIssue[] };

function parseServerConfig(env: Env): ServerConfigResult {
  const production = env.NODE_ENV === "production";
  const parsed =
    schemas[production ? "production" : "development"].safeParse(env);
  if (parsed.success) {
    return { ok: true, config: toServerConfig(parsed.data, env) };
  }
  const issues = parsed.error.issues.map(({ path, message }) => {
    const variable = String(path[0] ?? "environment");
    return { variable, message: `${variable} ${message}` };
  });
  // One value failing two of zod's URL checks yields one message twice.
  const unique = new Map(issues.map((issue) => [issue.message, issue]));
  return { ok: false, issues: [...unique.values()] };
}

/*
 * Why memoised: the token route reads the config on every request, and a zod
 * parse per request showed up in its throughput (`npm run bench`). The key is
 * the raw value of every variable the parse reads (schema, NODE_ENV, VERCEL);
 * JSON keeps unset (null) apart from set but empty ("").
 */
let memo: { key: string; result: ServerConfigResult } | undefined;

/** Parse the server environment; never throws. Same frozen result while unchanged. */
export function readServerConfig(env: Env = process.env): ServerConfigResult {
  const key = JSON.stringify(
    ["NODE_ENV", "VERCEL", ...SERVER_ENV_VARIABLES].map(
      (name) => env[name] ?? null,
    ),
  );
  if (memo?.key !== key) {
    memo = { key, result: deepFreeze(parseServerConfig(env)) };
  }
  return memo.result;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * Just the settings that decide who may ask for a token, each falling back to
 * its default when invalid. The token route uses them while the rest of the
 * config is broken, so a missing key never disables the cross-site check or
 * the rate limit.
 */
export function readAccessConfig(env: Env = process.env) {
  const read = <K extends keyof typeof fields>(name: K) => {
    const result = fields[name].safeParse(env[name]);
    return (result.success ? result : fields[name].safeParse(undefined))
      .data as z.infer<(typeof fields)[K]>;
  };
  const trust = fields.TRUST_PROXY_HEADERS.safeParse(env.TRUST_PROXY_HEADERS);
  return {
    allowedOrigins: read("REACTOR_ALLOWED_ORIGINS"),
    rateLimitPerMinute: read("TOKEN_RATE_LIMIT_PER_MINUTE"),
    rateLimitGlobalPerMinute: read("TOKEN_RATE_LIMIT_GLOBAL_PER_MINUTE"),
    // Invalid means "don't trust", even on Vercel: a shared bucket is the safe side.
    trustProxyHeaders: trust.success ? (trust.data ?? onVercel(env)) : false,
    // Invalid means memory only: the limits still hold, per instance.
    redisUrl: read("REDIS_URL"),
  };
}
export type AccessConfig = ReturnType<typeof readAccessConfig>;

/**
 * The subset the page may pass to client components as props. Picked field by
 * field, never spread, so a new secret in ServerConfig cannot leak by default.
 */
export function toPublicConfig(config: ServerConfig): PublicConfig {
  return {
    model: config.model,
    apiUrl: config.apiUrl,
    usingEmulator: config.usingEmulator,
    idleDisconnectSeconds: config.idleDisconnectSeconds,
    hiddenDisconnectSeconds: config.hiddenDisconnectSeconds,
  };
}
