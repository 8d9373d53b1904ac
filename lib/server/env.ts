import "server-only";
import { z } from "zod";
import type { PublicConfig } from "@/lib/public-config";
import { TOKEN_MIN_REMAINING_MS } from "@/lib/token-lifetime";

/*
 * The server's whole configuration: one zod schema, read at call time.
 *
 * Why at call time and not once at import: on Vercel (and with `next start`)
 * the environment is read by the running server, so changing REACTOR_MODEL or
 * REACTOR_API_URL takes effect on the next deployment start without touching
 * the code, and tests can change process.env between calls. The parse itself
 * runs once per distinct environment (see readServerConfig's memo).
 *
 * Why a result instead of a throw: the page turns the issues into a setup
 * screen and the token route into a 500 with the same text, so a newcomer
 * without a key reads instructions, not a stack trace. Every problem is listed
 * at once so one restart fixes them all; each screen adds CONFIG_FIX once.
 *
 * Why no message echoes the value it rejects: a secret pasted into the wrong
 * variable (the key into REACTOR_MODEL, a password in a URL) would otherwise
 * be shown to anonymous visitors. Messages describe the expected shape.
 *
 * When you add a variable: add it here, to `.env.example` and to the README's
 * configuration table (tests/lib/server/env.test.ts checks `.env.example`).
 */

/** The value `.env.example` ships with; left in place it must not look "configured". */
export const API_KEY_PLACEHOLDER = "rk_your_api_key_here";
/** How to apply any change; each screen says it once, after the issues. */
export const CONFIG_FIX =
  "Set it in .env.local (see .env.example) and restart the dev server; on Vercel, set it under Project Settings → Environment Variables and redeploy.";

const DASHBOARD = "https://reactor.inc";
export const DEFAULT_MODEL = "reactor/helios";
const DEFAULT_API_URL = "https://api.reactor.inc";
/** Reactor's ceiling (6 h): it silently clamps longer requests. */
const MAX_TOKEN_LIFETIME_SECONDS = 21_600;
/**
 * A token must outlive the session that uses it (components/sdk-compat.ts:
 * one token per session), and the browser only reuses one with
 * TOKEN_MIN_REMAINING_MS left; 5 more minutes let a prefetched token be used.
 */
const MIN_TOKEN_LIFETIME_SECONDS = TOKEN_MIN_REMAINING_MS / 1000 + 5 * 60;
const DEFAULT_TOKEN_RATE_LIMIT_PER_MINUTE = 10;
/** Three clients' worth: a few visitors at once are never refused. */
const DEFAULT_TOKEN_RATE_LIMIT_GLOBAL_PER_MINUTE = 30;
/** Reactor ends every session at 20 minutes, so a longer policy could never fire. */
const MAX_POLICY_SECONDS = 1200;

/**
 * One variable: trimmed, blank read as unset, then `read` returns its value or
 * calls `fail` with a message that starts with the variable's name.
 */
function variable<T>(
  read: (raw: string | undefined, fail: (message: string) => void) => T,
) {
  return z.preprocess(
    (value) => (typeof value === "string" ? value.trim() || undefined : value),
    z
      .string()
      .optional()
      .transform((raw, ctx) =>
        read(raw, (message) => ctx.addIssue({ code: "custom", message })),
      ),
  );
}

function wholeNumber(
  name: string,
  unit: string,
  { fallback, min, max }: { fallback: number; min: number; max: number },
) {
  return variable((raw, fail) => {
    if (raw === undefined) return fallback;
    const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!(value >= min && value <= max)) {
      fail(
        `${name} must be a whole number of ${unit} from ${min} to ${max}; leave it empty for the default, ${fallback}.`,
      );
    }
    return value;
  });
}

/** "1"/"true" or "0"/"false"; unset is `undefined`, for the caller's default. */
function onOff(name: string, meaning: string) {
  return variable((raw, fail) => {
    const value = raw?.toLowerCase();
    if (value === undefined) return undefined;
    if (value === "1" || value === "true") return true;
    if (value !== "0" && value !== "false")
      fail(`${name} must be 1 or 0. ${meaning}`);
    return false;
  });
}

/** localhost, *.localhost, 127.0.0.0/8 and [::1]: where the emulator runs. */
export function isLoopbackHost(hostname: string): boolean {
  return /^(localhost|.+\.localhost|127(\.\d{1,3}){3}|\[::1\])$/i.test(
    hostname,
  );
}

/**
 * What is wrong with the API base, phrased without any part of the value: its
 * userinfo may be a password and its query a token.
 */
function apiUrlProblem(url: URL | undefined, production: boolean) {
  if (!url) return "is not a URL";
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return "must start with https:// (or http:// for a local emulator)";
  // The mint sends the key to this host; fetch would also send userinfo as
  // Basic auth, and the base ends up in the page's CSP.
  if (url.username || url.password)
    return "must not contain a user name or password (remove the part before @)";
  // The SDK appends paths to this base, so a query or fragment would break it.
  if (url.search || url.hash)
    return "must not contain a query (?…) or fragment (#…)";
  // Tokens (and the mint's API key) would cross the network in clear text.
  if (production && url.protocol === "http:" && !isLoopbackHost(url.hostname))
    return "must use https:// in production (plain http:// is only accepted for loopback hosts such as the local emulator, because the API key and tokens would travel unencrypted)";
  return undefined;
}

/**
 * Base URL of the Reactor API, no trailing slash. Why configurable: the local
 * emulator and staging stand in for production. The mint and the browser SDK
 * must use the same base (a token is only valid where it was minted), so the
 * page passes it to the SDK. Only a production server refuses plain http to a
 * non-loopback host: `next dev` against a staging box on the LAN stays possible.
 */
function apiUrl(production: boolean) {
  return variable((raw, fail) => {
    if (raw === undefined) return DEFAULT_API_URL;
    const url = URL.canParse(raw) ? new URL(raw) : undefined;
    const problem = apiUrlProblem(url, production);
    if (problem) {
      fail(
        `REACTOR_API_URL ${problem}. Use the Reactor API's base URL, like ${DEFAULT_API_URL}, or leave it empty for ${DEFAULT_API_URL}.`,
      );
    }
    return url?.href.replace(/\/+$/, "") ?? "";
  });
}

const fields = {
  /**
   * Mints Reactor JWTs and spends your account's GPU credit. Why server-only:
   * whoever holds it can start sessions on your bill, so it never gets a
   * NEXT_PUBLIC_ prefix; browsers get short-lived scoped JWTs. Never echoed:
   * even a malformed key may be most of a real one.
   */
  REACTOR_API_KEY: variable((raw, fail) => {
    if (raw === undefined) {
      fail(
        `REACTOR_API_KEY is not set. Create an API key in the Reactor dashboard (${DASHBOARD}) and add REACTOR_API_KEY=rk_… to .env.local, then restart the dev server. (Without a key, \`npm run dev\` streams from the local emulator instead.)`,
      );
    } else if (raw === API_KEY_PLACEHOLDER) {
      fail(
        `REACTOR_API_KEY is still the placeholder from .env.example. Replace it in .env.local with your key from the Reactor dashboard (${DASHBOARD}), or leave it empty to stream from the local emulator with \`npm run dev\`, then restart the dev server.`,
      );
    } else if (!/^rk_[^\s"'`]+$/.test(raw)) {
      fail(
        `REACTOR_API_KEY does not look like a Reactor API key: keys start with rk_ and contain no spaces or quotes. Copy it again from the Reactor dashboard (${DASHBOARD}) into .env.local, then restart the dev server.`,
      );
    }
    return raw ?? "";
  }),

  /**
   * `owner/name`. Why one variable: the same name scopes the minted token and
   * is passed to the SDK, and a token scoped to one model is refused (403) for
   * any other.
   */
  REACTOR_MODEL: variable((raw, fail) => {
    if (raw === undefined) return DEFAULT_MODEL;
    if (!/^[a-z0-9][\w.-]*\/[a-z0-9][\w.-]*$/i.test(raw)) {
      fail(
        `REACTOR_MODEL must be a model name like ${DEFAULT_MODEL} (owner/name: letters, digits, dots, dashes or underscores on each side of one slash). Leave it empty for ${DEFAULT_MODEL}.`,
      );
    }
    return raw;
  }),

  REACTOR_API_URL: apiUrl(false),

  /**
   * Seconds each minted JWT stays valid. The default is Reactor's maximum, so
   * the browser reuses one token across Connect clicks; lower it (down to
   * MIN_TOKEN_LIFETIME_SECONDS) to shrink what a leaked token is worth.
   */
  REACTOR_TOKEN_LIFETIME_SECONDS: wholeNumber(
    "REACTOR_TOKEN_LIFETIME_SECONDS",
    "seconds",
    {
      fallback: MAX_TOKEN_LIFETIME_SECONDS,
      min: MIN_TOKEN_LIFETIME_SECONDS,
      max: MAX_TOKEN_LIFETIME_SECONDS,
    },
  ),

  /**
   * Sessions one token may ever create (closed ones count). Why small: it caps
   * how much GPU a token that leaves the browser can spend; the app mints a new
   * one when a token runs out.
   */
  REACTOR_TOKEN_MAX_SESSIONS: wholeNumber(
    "REACTOR_TOKEN_MAX_SESSIONS",
    "sessions",
    { fallback: 10, min: 1, max: 50 },
  ),

  /**
   * Extra origins (comma-separated) whose pages may call /api/token, as
   * `URL.origin`. Why: by default only this app's own pages may mint, since
   * every token spends the key owner's credit. No wildcards, for that reason.
   */
  REACTOR_ALLOWED_ORIGINS: variable((raw, fail) => {
    const entries = (raw ?? "").split(",").map((entry) => entry.trim());
    return entries.filter(Boolean).flatMap((entry, index) => {
      const url = URL.canParse(entry) ? new URL(entry) : undefined;
      if (
        url &&
        (url.protocol === "https:" || url.protocol === "http:") &&
        url.pathname === "/" &&
        !url.search &&
        !url.hash &&
        !url.username &&
        !url.password &&
        !url.hostname.includes("*")
      ) {
        return [url.origin];
      }
      fail(
        `REACTOR_ALLOWED_ORIGINS entry ${index + 1} is not an origin: use scheme and host only, like https://app.example.com, separated by commas (no paths, no wildcards).`,
      );
      return [];
    });
  }),

  /**
   * Token requests per minute per client (per user when authorize() names
   * one). Why: anyone who can load the page can mint tokens that spend your
   * credit. Per instance without REDIS_URL; 0 = off.
   */
  TOKEN_RATE_LIMIT_PER_MINUTE: wholeNumber(
    "TOKEN_RATE_LIMIT_PER_MINUTE",
    "requests",
    { fallback: DEFAULT_TOKEN_RATE_LIMIT_PER_MINUTE, min: 0, max: 10_000 },
  ),

  /**
   * Tokens per minute for the whole deployment, whoever asks. Why: an attacker
   * may vary the client key (addresses, accounts); this ceiling bounds the bill
   * no matter how. Per instance without REDIS_URL; 0 = off.
   */
  TOKEN_RATE_LIMIT_GLOBAL_PER_MINUTE: wholeNumber(
    "TOKEN_RATE_LIMIT_GLOBAL_PER_MINUTE",
    "requests",
    {
      fallback: DEFAULT_TOKEN_RATE_LIMIT_GLOBAL_PER_MINUTE,
      min: 0,
      max: 100_000,
    },
  ),

  /**
   * Whether `x-real-ip` / `x-forwarded-for` name the client. Why opt-in: any
   * caller can send them, and Next fills `x-forwarded-for` only when absent,
   * so they identify a client only where a proxy in front overwrites them.
   * Vercel does, so unset means "yes" on Vercel and "no" elsewhere.
   */
  TRUST_PROXY_HEADERS: onOff(
    "TRUST_PROXY_HEADERS",
    "Set 1 only when a proxy in front of this server overwrites x-real-ip / x-forwarded-for (nginx, Fly, Render, Cloudflare); leave it empty to trust them on Vercel only.",
  ),

  /**
   * A Redis the rate limits share across instances. Why: without it every
   * instance counts alone. A secret: never echoed, not even in part.
   */
  REDIS_URL: variable((raw, fail) => {
    const url = raw && URL.canParse(raw) ? new URL(raw) : undefined;
    const redis = url?.protocol === "redis:" || url?.protocol === "rediss:";
    if (raw !== undefined && !(redis && url?.hostname)) {
      fail(
        "REDIS_URL must be a Redis URL like rediss://default:PASSWORD@HOST:6379 (rediss:// for TLS, as Upstash and Vercel KV give it; redis:// for a Redis on a private network). Its value is not shown here because it may contain a password. Leave it empty to keep rate limits in this server's memory.",
      );
    }
    return raw;
  }),

  /**
   * Seconds without input before a live session asks "Still watching?" and,
   * 20 s later, ends. Why: Reactor bills every second a session is ready, so a
   * forgotten tab would stream on your bill until the 20-minute cap. 0 = off.
   */
  REACTOR_IDLE_DISCONNECT_SECONDS: wholeNumber(
    "REACTOR_IDLE_DISCONNECT_SECONDS",
    "seconds",
    { fallback: 180, min: 0, max: MAX_POLICY_SECONDS },
  ),

  /**
   * Seconds a live session may run in a hidden tab. Why: nobody watches it,
   * yet it bills and holds one of the account's 5 concurrent slots. 0 = off.
   */
  REACTOR_HIDDEN_DISCONNECT_SECONDS: wholeNumber(
    "REACTOR_HIDDEN_DISCONNECT_SECONDS",
    "seconds",
    { fallback: 60, min: 0, max: MAX_POLICY_SECONDS },
  ),
};

const serverEnv = z.object(fields);
const productionEnv = z.object({ ...fields, REACTOR_API_URL: apiUrl(true) });

/** Every variable the schema reads; the test keeps `.env.example` in step with it. */
export const SERVER_ENV_VARIABLES = Object.keys(fields);

/** Vercel sets `VERCEL=1` in every deployment and overwrites the IP headers. */
function onVercel(env: Record<string, string | undefined>): boolean {
  return !!env.VERCEL?.trim();
}

/** The one renaming from variables to the config the app reads. */
function toServerConfig(
  parsed: z.infer<typeof serverEnv>,
  env: Record<string, string | undefined>,
) {
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

export interface ConfigIssue {
  /** The environment variable to change. */
  variable: string;
  /** What is wrong, starting with the variable's name; never a value. */
  message: string;
}

export type ServerConfigResult =
  { ok: true; config: ServerConfig } | { ok: false; issues: ConfigIssue[] };

/*
 * Why memoised: the token route reads the config on every request, and a zod
 * parse per request showed up in its throughput (`npm run bench`). The key is
 * the raw value of every variable the parse reads (schema, NODE_ENV, VERCEL),
 * so a changed environment is parsed afresh on the next call.
 */
let memo: { key: string; result: ServerConfigResult } | undefined;

function memoKey(env: Record<string, string | undefined>): string {
  // JSON keeps undefined (unset) apart from "" (set but empty).
  return JSON.stringify([
    env.NODE_ENV ?? null,
    env.VERCEL ?? null,
    ...SERVER_ENV_VARIABLES.map((name) => env[name] ?? null),
  ]);
}

/** Parse the server environment; never throws. Same frozen result while unchanged. */
export function readServerConfig(
  env: Record<string, string | undefined> = process.env,
): ServerConfigResult {
  const key = memoKey(env);
  if (memo?.key === key) return memo.result;
  const result = parseServerConfig(env);
  memo = { key, result: deepFreeze(result) };
  return result;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function parseServerConfig(
  env: Record<string, string | undefined>,
): ServerConfigResult {
  const schema = env.NODE_ENV === "production" ? productionEnv : serverEnv;
  const parsed = schema.safeParse(env);
  if (parsed.success) {
    return { ok: true, config: toServerConfig(parsed.data, env) };
  }
  const issues = parsed.error.issues.map((issue) => ({
    variable: String(issue.path[0] ?? "environment"),
    message: issue.message,
  }));
  return { ok: false, issues };
}

export type AccessConfig = Pick<
  ServerConfig,
  | "allowedOrigins"
  | "rateLimitPerMinute"
  | "rateLimitGlobalPerMinute"
  | "trustProxyHeaders"
  | "redisUrl"
>;

/**
 * Just the settings that decide who may ask for a token, each falling back to
 * its safe default when invalid. The token route uses them while the rest of
 * the config is broken, so a missing key never disables the cross-site check
 * or the rate limit.
 */
export function readAccessConfig(
  env: Record<string, string | undefined> = process.env,
): AccessConfig {
  const read = <K extends keyof typeof fields>(name: K) => {
    const result = fields[name].safeParse(env[name]);
    return result.success
      ? (result.data as z.infer<(typeof fields)[K]>)
      : undefined;
  };
  const trust = fields.TRUST_PROXY_HEADERS.safeParse(env.TRUST_PROXY_HEADERS);
  return {
    allowedOrigins: read("REACTOR_ALLOWED_ORIGINS") ?? [],
    rateLimitPerMinute:
      read("TOKEN_RATE_LIMIT_PER_MINUTE") ??
      DEFAULT_TOKEN_RATE_LIMIT_PER_MINUTE,
    rateLimitGlobalPerMinute:
      read("TOKEN_RATE_LIMIT_GLOBAL_PER_MINUTE") ??
      DEFAULT_TOKEN_RATE_LIMIT_GLOBAL_PER_MINUTE,
    // Invalid means "don't trust": a shared bucket is the safe side.
    trustProxyHeaders: trust.success ? (trust.data ?? onVercel(env)) : false,
    // Invalid means memory only: the limits still hold, per instance.
    redisUrl: read("REDIS_URL"),
  };
}

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
