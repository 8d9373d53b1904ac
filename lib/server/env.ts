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
 * at once so one restart fixes them all.
 *
 * When you add a variable: add it here, to `.env.example` and to the README's
 * configuration table (tests/lib/server/env.test.ts checks `.env.example`).
 */

/** The value `.env.example` ships with; left in place it must not look "configured". */
export const API_KEY_PLACEHOLDER = "rk_your_api_key_here";
/** Reactor's public demo model; any `owner/name` your key may use works. */
export const DEFAULT_MODEL = "reactor/helios";
export const DEFAULT_API_URL = "https://api.reactor.inc";
/**
 * Reactor's maximum (6 h), as Reactor's key guide describes tokens: the
 * browser reuses one token across Connect clicks, so fewer mints. Lower it
 * (down to MIN_TOKEN_LIFETIME_SECONDS) to shrink what a leaked token is worth.
 */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 21_600;
/**
 * SDK 2.9.0 copies the JWT into its HTTP clients at connect() and keeps it for
 * the whole session: polling, signalling, reconnect() and the final DELETE all
 * use that one token, and 2.9.0 never refreshes it. A token that expires
 * mid-session makes those calls 401 and leaves the session running until
 * Reactor reaps it. Reactor ends sessions at 20 minutes, the browser only
 * reuses a token with TOKEN_MIN_REMAINING_MS (25 min) left, so the floor is
 * that plus 5 minutes in which a prefetched token can still be used.
 */
export const MIN_TOKEN_LIFETIME_SECONDS =
  TOKEN_MIN_REMAINING_MS / 1000 + 5 * 60;
/** Reactor's ceiling (6 h): it silently clamps longer requests. */
export const MAX_TOKEN_LIFETIME_SECONDS = 21_600;
/** Sessions one token may ever create (closed ones count): ten Connect clicks. */
export const DEFAULT_TOKEN_MAX_SESSIONS = 10;
/** A leaked token can start at most this many GPU sessions on your account. */
export const MAX_TOKEN_MAX_SESSIONS = 50;
/** Per client: a page needs 1–2 a minute; 10 leaves room for reloads. */
export const DEFAULT_TOKEN_RATE_LIMIT_PER_MINUTE = 10;
export const MAX_TOKEN_RATE_LIMIT_PER_MINUTE = 10_000;
/**
 * For the whole deployment: three times one client's default, so a few
 * visitors at once are never refused, while rotating spoofed addresses can
 * mint at most this many tokens a minute.
 */
export const DEFAULT_TOKEN_RATE_LIMIT_GLOBAL_PER_MINUTE = 30;
export const MAX_TOKEN_RATE_LIMIT_GLOBAL_PER_MINUTE = 100_000;
/** Three minutes without input while live, then a 20 s "Still watching?" countdown. */
export const DEFAULT_IDLE_DISCONNECT_SECONDS = 180;
/** A minute in a background tab: long enough to glance at another tab and come back. */
export const DEFAULT_HIDDEN_DISCONNECT_SECONDS = 60;
/** Reactor ends every session at 20 minutes, so a longer policy could never fire. */
export const MAX_POLICY_SECONDS = 1200;

const DASHBOARD = "https://reactor.inc";
const HOW_TO_FIX =
  "Set it in .env.local (see .env.example) and restart the dev server; on Vercel, set it under Project Settings → Environment Variables and redeploy.";

/** Unset, empty and whitespace-only all mean "use the default" (t3's emptyStringAsUndefined). */
function blankAsUndefined(value: unknown): unknown {
  return typeof value === "string" && value.trim() === ""
    ? undefined
    : typeof value === "string"
      ? value.trim()
      : value;
}

/*
 * Why no message echoes the value it rejects: a secret pasted into the wrong
 * variable (the key into REACTOR_MODEL, a password in a URL) would otherwise be
 * shown to anonymous visitors on the setup screen and in the token route's
 * not_configured body. The message says what shape is expected instead; the
 * operator can read the value in their own environment.
 */

function wholeNumber(
  variable: string,
  {
    fallback,
    min,
    max,
    unit,
  }: { fallback: number; min: number; max: number; unit: string },
) {
  return z.preprocess(
    blankAsUndefined,
    z
      .string()
      .optional()
      .transform((raw, ctx) => {
        if (raw === undefined) return fallback;
        const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
        if (!(value >= min && value <= max)) {
          ctx.addIssue({
            code: "custom",
            message: `${variable} must be a whole number of ${unit} from ${min} to ${max}; leave it empty for the default, ${fallback}. ${HOW_TO_FIX}`,
          });
          return z.NEVER;
        }
        return value;
      }),
  );
}

/** "1"/"true" or "0"/"false"; unset or empty is `undefined`, for the caller's default. */
function onOff(variable: string, meaning: string) {
  return z.preprocess(
    blankAsUndefined,
    z
      .string()
      .optional()
      .transform((raw, ctx) => {
        if (raw === undefined) return undefined;
        const value = raw.toLowerCase();
        if (value === "1" || value === "true") return true;
        if (value === "0" || value === "false") return false;
        ctx.addIssue({
          code: "custom",
          message: `${variable} must be 1 or 0. ${meaning} ${HOW_TO_FIX}`,
        });
        return z.NEVER;
      }),
  );
}

const LOOPBACK_HOST = /^(localhost|.+\.localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** True for localhost, *.localhost, 127.0.0.0/8 and [::1]: where the emulator runs. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOST.test(hostname);
}

/**
 * Base URL of the Reactor API. Why configurable: the local emulator
 * (http://127.0.0.1:8787) and staging stand in for production. The mint and
 * the browser SDK must use the same base, because a token minted by one
 * environment is not valid on another, so the page passes this to the SDK.
 */
function apiUrlField(production: boolean) {
  return z.preprocess(
    blankAsUndefined,
    z
      .string()
      .optional()
      .transform((raw, ctx) => {
        if (raw === undefined) return DEFAULT_API_URL;
        const url = URL.canParse(raw) ? new URL(raw) : undefined;
        const problem = apiUrlProblem(url, production);
        if (problem) {
          ctx.addIssue({
            code: "custom",
            message: `REACTOR_API_URL ${problem}. Use the Reactor API's base URL, like ${DEFAULT_API_URL}, or leave it empty for ${DEFAULT_API_URL}. ${HOW_TO_FIX}`,
          });
          return z.NEVER;
        }
        return url!.href.replace(/\/+$/, "");
      }),
  );
}

/**
 * What is wrong with the URL, phrased without any part of the value: its
 * userinfo may be a password and its query a token.
 */
function apiUrlProblem(
  url: URL | undefined,
  production: boolean,
): string | undefined {
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

const serverEnvSchema = z.object({
  /**
   * Secret that mints Reactor JWTs and spends your account's GPU credit.
   * Why server-only: whoever holds it can start sessions on your bill, so it
   * never gets a NEXT_PUBLIC_ prefix; browsers get short-lived scoped JWTs.
   */
  REACTOR_API_KEY: z.preprocess(
    blankAsUndefined,
    z
      .string({
        error: `REACTOR_API_KEY is not set. Create an API key in the Reactor dashboard (${DASHBOARD}) and add REACTOR_API_KEY=rk_… to .env.local, then restart the dev server; on Vercel, set it under Project Settings → Environment Variables and redeploy. (Without a key, \`npm run dev\` streams from the local emulator instead.)`,
      })
      .refine((key) => key !== API_KEY_PLACEHOLDER, {
        error: `REACTOR_API_KEY is still the placeholder from .env.example. Replace it in .env.local with your key from the Reactor dashboard (${DASHBOARD}), or leave it empty to stream from the local emulator with \`npm run dev\`, then restart the dev server.`,
        abort: true,
      })
      // Never echo the value: even a malformed key may be most of a real one.
      .refine((key) => /^rk_[^\s"'`]+$/.test(key), {
        error: `REACTOR_API_KEY does not look like a Reactor API key: keys start with rk_ and contain no spaces or quotes. Copy it again from the Reactor dashboard (${DASHBOARD}) into .env.local, then restart the dev server.`,
      }),
  ),

  /**
   * The model to stream, as `owner/name`. Why one variable: the same name
   * scopes the minted token and is passed to the SDK's provider, and a token
   * scoped to one model is refused (403) for any other.
   */
  REACTOR_MODEL: z.preprocess(
    blankAsUndefined,
    z
      .string()
      .optional()
      .transform((raw, ctx) => {
        if (raw === undefined) return DEFAULT_MODEL;
        if (!/^[a-z0-9][\w.-]*\/[a-z0-9][\w.-]*$/i.test(raw)) {
          ctx.addIssue({
            code: "custom",
            message: `REACTOR_MODEL must be a model name like ${DEFAULT_MODEL} (owner/name: letters, digits, dots, dashes or underscores on each side of one slash). Leave it empty for ${DEFAULT_MODEL}. ${HOW_TO_FIX}`,
          });
          return z.NEVER;
        }
        return raw;
      }),
  ),

  REACTOR_API_URL: apiUrlField(false),

  /**
   * Seconds each minted JWT stays valid. Why bounded: see
   * MIN_TOKEN_LIFETIME_SECONDS (2.9.0 keeps one token per session) and
   * MAX_TOKEN_LIFETIME_SECONDS (Reactor's 6 h ceiling). Shorter limits what a
   * leaked token is worth.
   */
  REACTOR_TOKEN_LIFETIME_SECONDS: wholeNumber(
    "REACTOR_TOKEN_LIFETIME_SECONDS",
    {
      fallback: DEFAULT_TOKEN_LIFETIME_SECONDS,
      min: MIN_TOKEN_LIFETIME_SECONDS,
      max: MAX_TOKEN_LIFETIME_SECONDS,
      unit: "seconds",
    },
  ),

  /**
   * How many sessions one token may create. Why small: it caps how much GPU a
   * token that leaves the browser can spend; the app mints a new one when a
   * token runs out.
   */
  REACTOR_TOKEN_MAX_SESSIONS: wholeNumber("REACTOR_TOKEN_MAX_SESSIONS", {
    fallback: DEFAULT_TOKEN_MAX_SESSIONS,
    min: 1,
    max: MAX_TOKEN_MAX_SESSIONS,
    unit: "sessions",
  }),

  /**
   * Extra origins (comma-separated, e.g. `https://app.example.com`) whose pages
   * may call /api/token. Why: by default only this app's own pages may mint,
   * since every token spends the key owner's credit. No wildcards, for the
   * same reason.
   */
  REACTOR_ALLOWED_ORIGINS: z.preprocess(
    blankAsUndefined,
    z
      .string()
      .optional()
      .transform((raw, ctx) => {
        const origins: string[] = [];
        let position = 0;
        for (const entry of (raw ?? "").split(",")) {
          const candidate = entry.trim();
          if (!candidate) continue;
          position += 1;
          const url = URL.canParse(candidate) ? new URL(candidate) : undefined;
          if (
            !url ||
            (url.protocol !== "https:" && url.protocol !== "http:") ||
            url.pathname !== "/" ||
            url.search ||
            url.hash ||
            url.username ||
            url.password ||
            url.hostname.includes("*")
          ) {
            ctx.addIssue({
              code: "custom",
              message: `REACTOR_ALLOWED_ORIGINS entry ${position} is not an origin: use scheme and host only, like https://app.example.com, separated by commas (no paths, no wildcards). ${HOW_TO_FIX}`,
            });
            continue;
          }
          origins.push(url.origin);
        }
        return origins;
      }),
  ),

  /**
   * Token requests per minute per client (per user when authorize() names
   * one, else per IP). Why: anyone who can load the page can mint tokens that
   * spend your credit. In-memory, so per server instance; 0 turns it off for
   * when a shared limiter (Vercel WAF, Upstash) sits in front.
   */
  TOKEN_RATE_LIMIT_PER_MINUTE: wholeNumber("TOKEN_RATE_LIMIT_PER_MINUTE", {
    fallback: DEFAULT_TOKEN_RATE_LIMIT_PER_MINUTE,
    min: 0,
    max: MAX_TOKEN_RATE_LIMIT_PER_MINUTE,
    unit: "requests",
  }),

  /**
   * Tokens per minute for the whole deployment, whoever asks. Why: the
   * per-client limit trusts a client key that an attacker may vary (addresses,
   * accounts); this ceiling bounds what the key owner can be billed for no
   * matter how. Per instance without REDIS_URL, shared with it. 0 = off.
   */
  TOKEN_RATE_LIMIT_GLOBAL_PER_MINUTE: wholeNumber(
    "TOKEN_RATE_LIMIT_GLOBAL_PER_MINUTE",
    {
      fallback: DEFAULT_TOKEN_RATE_LIMIT_GLOBAL_PER_MINUTE,
      min: 0,
      max: MAX_TOKEN_RATE_LIMIT_GLOBAL_PER_MINUTE,
      unit: "requests",
    },
  ),

  /**
   * Whether `x-real-ip` / `x-forwarded-for` name the client. Why opt-in: any
   * caller can send these headers, and Next fills `x-forwarded-for` only when
   * it is absent, so they identify a client only where a proxy in front
   * overwrites them. Vercel does (`VERCEL` is set there, so unset means "yes"
   * on Vercel and "no" elsewhere); nginx, Fly, Render and Cloudflare can.
   */
  TRUST_PROXY_HEADERS: onOff(
    "TRUST_PROXY_HEADERS",
    "Set 1 only when a proxy in front of this server overwrites x-real-ip / x-forwarded-for (nginx, Fly, Render, Cloudflare); leave it empty to trust them on Vercel only.",
  ),

  /**
   * A Redis the rate limits share across instances (`redis://` or TLS
   * `rediss://`, as Upstash and Vercel KV give it). Why: without it every
   * instance counts alone. Never echoed, not even in part: it usually holds a
   * password.
   */
  REDIS_URL: z.preprocess(
    blankAsUndefined,
    z
      .string()
      .optional()
      .refine(
        (raw) => {
          if (raw === undefined) return true;
          const url = URL.canParse(raw) ? new URL(raw) : undefined;
          return (
            !!url &&
            (url.protocol === "redis:" || url.protocol === "rediss:") &&
            url.hostname !== ""
          );
        },
        {
          error: `REDIS_URL must be a Redis URL like rediss://default:PASSWORD@HOST:6379 (rediss:// for TLS, as Upstash and Vercel KV give it; redis:// for a Redis on a private network). Its value is not shown here because it may contain a password. Leave it empty to keep rate limits in this server's memory. ${HOW_TO_FIX}`,
        },
      ),
  ),

  /**
   * Seconds without input (pointer, keyboard, a command, a control) before a
   * live session asks "Still watching?" and, 20 s later, ends. Why: Reactor
   * bills every second a session is ready, so a forgotten tab would otherwise
   * stream on your bill until the 20-minute cap. 0 turns it off.
   */
  REACTOR_IDLE_DISCONNECT_SECONDS: wholeNumber(
    "REACTOR_IDLE_DISCONNECT_SECONDS",
    {
      fallback: DEFAULT_IDLE_DISCONNECT_SECONDS,
      min: 0,
      max: MAX_POLICY_SECONDS,
      unit: "seconds",
    },
  ),

  /**
   * Seconds a live session may run in a hidden (background) tab before it
   * ends. Why: nobody watches a hidden tab, yet its session bills and holds
   * one of the account's 5 concurrent slots. 0 turns it off.
   */
  REACTOR_HIDDEN_DISCONNECT_SECONDS: wholeNumber(
    "REACTOR_HIDDEN_DISCONNECT_SECONDS",
    {
      fallback: DEFAULT_HIDDEN_DISCONNECT_SECONDS,
      min: 0,
      max: MAX_POLICY_SECONDS,
      unit: "seconds",
    },
  ),
});

const productionEnvSchema = serverEnvSchema.extend({
  REACTOR_API_URL: apiUrlField(true),
});

/** Every variable the schema reads; the test keeps `.env.example` in step with it. */
export const SERVER_ENV_VARIABLES = Object.keys(serverEnvSchema.shape);

export interface ServerConfig {
  apiKey: string;
  /** `owner/name`. */
  model: string;
  /** No trailing slash; append paths like `/tokens`. */
  apiUrl: string;
  tokenLifetimeSeconds: number;
  tokenMaxSessions: number;
  /** Normalised origins (`URL.origin`), besides this app's own. */
  allowedOrigins: string[];
  /** 0 = off. */
  rateLimitPerMinute: number;
  /** Whole deployment (per instance without Redis); 0 = off. */
  rateLimitGlobalPerMinute: number;
  /** Key anonymous callers by x-real-ip / x-forwarded-for. */
  trustProxyHeaders: boolean;
  /** Shared store for the rate limits; a secret (may hold a password). */
  redisUrl: string | undefined;
  /** apiUrl is on loopback, i.e. the local emulator. */
  usingEmulator: boolean;
  /** 0 = off. */
  idleDisconnectSeconds: number;
  /** 0 = off. */
  hiddenDisconnectSeconds: number;
}

export interface ConfigIssue {
  /** The environment variable to change. */
  variable: string;
  /** What is wrong and how to fix it; never contains the API key. */
  message: string;
}

export type ServerConfigResult =
  { ok: true; config: ServerConfig } | { ok: false; issues: ConfigIssue[] };

/*
 * Why memoised: the token route and proxy.ts read the config on every
 * request, and a zod parse of every variable per request showed up in the
 * token route's throughput (`npm run bench`). The key is the raw value of
 * every variable the schema reads plus NODE_ENV, so a changed environment
 * (or a test's vi.stubEnv) is parsed afresh on the next call: the "read at
 * call time" contract above still holds, the parse just happens once per
 * distinct environment. One entry is enough: a server has one environment.
 * A variable the parse reads outside the schema (NODE_ENV, VERCEL) must be
 * in the key too.
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

/**
 * Parse the server environment; never throws. Returns the same (frozen)
 * result while the relevant variables keep their values.
 */
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
  // Only a production server refuses plain http to a non-loopback host:
  // `next dev` against a staging box on the LAN stays possible.
  const schema =
    env.NODE_ENV === "production" ? productionEnvSchema : serverEnvSchema;
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? "environment"),
        message: issue.message,
      })),
    };
  }
  const env_ = parsed.data;
  return {
    ok: true,
    config: {
      apiKey: env_.REACTOR_API_KEY,
      model: env_.REACTOR_MODEL,
      apiUrl: env_.REACTOR_API_URL,
      tokenLifetimeSeconds: env_.REACTOR_TOKEN_LIFETIME_SECONDS,
      tokenMaxSessions: env_.REACTOR_TOKEN_MAX_SESSIONS,
      allowedOrigins: env_.REACTOR_ALLOWED_ORIGINS,
      rateLimitPerMinute: env_.TOKEN_RATE_LIMIT_PER_MINUTE,
      rateLimitGlobalPerMinute: env_.TOKEN_RATE_LIMIT_GLOBAL_PER_MINUTE,
      trustProxyHeaders: env_.TRUST_PROXY_HEADERS ?? onVercel(env),
      redisUrl: env_.REDIS_URL,
      usingEmulator: isLoopbackHost(new URL(env_.REACTOR_API_URL).hostname),
      idleDisconnectSeconds: env_.REACTOR_IDLE_DISCONNECT_SECONDS,
      hiddenDisconnectSeconds: env_.REACTOR_HIDDEN_DISCONNECT_SECONDS,
    },
  };
}

/**
 * Just the settings that decide who may ask for a token, each falling back to
 * its safe default when invalid. The token route uses them while the rest of
 * the config is broken, so a missing key never disables the cross-site check
 * or the rate limit.
 */
export function readAccessConfig(
  env: Record<string, string | undefined> = process.env,
): AccessConfig {
  const { shape } = serverEnvSchema;
  const origins = shape.REACTOR_ALLOWED_ORIGINS.safeParse(
    env.REACTOR_ALLOWED_ORIGINS,
  );
  const limit = shape.TOKEN_RATE_LIMIT_PER_MINUTE.safeParse(
    env.TOKEN_RATE_LIMIT_PER_MINUTE,
  );
  const globalLimit = shape.TOKEN_RATE_LIMIT_GLOBAL_PER_MINUTE.safeParse(
    env.TOKEN_RATE_LIMIT_GLOBAL_PER_MINUTE,
  );
  const trust = shape.TRUST_PROXY_HEADERS.safeParse(env.TRUST_PROXY_HEADERS);
  const redisUrl = shape.REDIS_URL.safeParse(env.REDIS_URL);
  return {
    allowedOrigins: origins.success ? origins.data : [],
    rateLimitPerMinute: limit.success
      ? limit.data
      : DEFAULT_TOKEN_RATE_LIMIT_PER_MINUTE,
    rateLimitGlobalPerMinute: globalLimit.success
      ? globalLimit.data
      : DEFAULT_TOKEN_RATE_LIMIT_GLOBAL_PER_MINUTE,
    // Invalid means "don't trust": a shared bucket is the safe side.
    trustProxyHeaders: trust.success ? (trust.data ?? onVercel(env)) : false,
    // Invalid means memory only: the limits still hold, per instance.
    redisUrl: redisUrl.success ? redisUrl.data : undefined,
  };
}

export type AccessConfig = Pick<
  ServerConfig,
  | "allowedOrigins"
  | "rateLimitPerMinute"
  | "rateLimitGlobalPerMinute"
  | "trustProxyHeaders"
  | "redisUrl"
>;

/** Vercel sets `VERCEL=1` in every deployment and overwrites the IP headers. */
function onVercel(env: Record<string, string | undefined>): boolean {
  return !!env.VERCEL?.trim();
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
