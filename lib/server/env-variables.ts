import "server-only";
import { z } from "zod";
import { TOKEN_MIN_REMAINING_MS } from "@/lib/token-lifetime";

/*
 * What each server variable accepts, and why: one zod field per variable.
 * lib/server/env.ts reads the environment through these.
 *
 * No message echoes the value it rejects: a secret pasted into the wrong
 * variable (the key into REACTOR_MODEL, a password in a URL) would reach
 * anonymous visitors. Messages describe the expected shape and leave out the
 * variable's name, which parseServerConfig (lib/server/env.ts) puts first.
 *
 * Adding a variable: here, its name for the app in toServerConfig
 * (lib/server/env.ts), `.env.example` and the README's configuration table
 * (tests/lib/server/env.test.ts checks `.env.example`).
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
const MAX_LIFETIME = 21_600;
/** A token must outlive its session (lib/token-lifetime.ts), plus 5 minutes for a prefetched one. */
const MIN_LIFETIME = TOKEN_MIN_REMAINING_MS / 1000 + 5 * 60;
/** Reactor ends every session at 20 minutes, so a longer policy could never fire. */
const MAX_POLICY = 1200;

/** Trimmed, blank read as unset: `schema` sees a string or undefined. */
function variable<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (value) => (typeof value === "string" ? value.trim() || undefined : value),
    schema,
  );
}

function wholeNumber(unit: string, fallback: number, min: number, max: number) {
  const error = `must be a whole number of ${unit} from ${min} to ${max}; leave it empty for the default, ${fallback}.`;
  // Digits only: Number() alone would take "1e4", "0x10" and "3600.5".
  const bounded = z.number().min(min, { error }).max(max, { error });
  return variable(
    z
      .string()
      .regex(/^\d+$/, { error })
      .transform(Number)
      .pipe(bounded)
      .default(fallback),
  );
}
const seconds = (fallback: number, min: number, max: number) =>
  wholeNumber("seconds", fallback, min, max);

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
 * Configurable because the emulator and staging stand in for production; the
 * page passes it to the SDK, since a token is only valid where it was minted.
 * Only production refuses plain http off loopback: `next dev` may use the LAN.
 */
function apiUrl(production: boolean) {
  const use = `Use the Reactor API's base URL, like ${DEFAULT_API_URL}, or leave it empty for ${DEFAULT_API_URL}.`;
  return variable(z.string().default(DEFAULT_API_URL)).transform((raw, ctx) => {
    const url = URL.canParse(raw) ? new URL(raw) : undefined;
    const problem = apiUrlProblem(url, production);
    if (problem)
      ctx.addIssue({ code: "custom", message: `${problem}. ${use}` });
    return url?.href.replace(/\/+$/, "") ?? "";
  });
}

/** An entry of REACTOR_ALLOWED_ORIGINS: scheme and host (and port) only. */
function isOrigin(url: URL): boolean {
  return (
    (url.protocol === "https:" || url.protocol === "http:") &&
    url.pathname === "/" &&
    !(url.search || url.hash || url.username || url.password) &&
    !url.hostname.includes("*")
  );
}

export const fields = {
  /**
   * Mints Reactor JWTs and spends your account's GPU credit: whoever holds it
   * can start sessions on your bill, so it never gets a NEXT_PUBLIC_ prefix;
   * browsers get short-lived scoped JWTs. Even a malformed key may be most of
   * a real one, so no message quotes it.
   */
  REACTOR_API_KEY: variable(
    z
      .string({
        error: `is not set. Create an API key in the Reactor dashboard (${DASHBOARD}) and add REACTOR_API_KEY=rk_… to .env.local, then restart the dev server. (Without a key, \`npm run dev\` streams from the local emulator instead.)`,
      })
      .refine((key) => key !== API_KEY_PLACEHOLDER, {
        error: `is still the placeholder from .env.example. Replace it in .env.local with your key from the Reactor dashboard (${DASHBOARD}), or leave it empty to stream from the local emulator with \`npm run dev\`, then restart the dev server.`,
      })
      .regex(/^rk_[^\s"'`]+$/, {
        error: `does not look like a Reactor API key: keys start with rk_ and contain no spaces or quotes. Copy it again from the Reactor dashboard (${DASHBOARD}) into .env.local, then restart the dev server.`,
      }),
  ),

  /**
   * `owner/name`. One variable because the same name scopes the minted token
   * and is passed to the SDK, and a token scoped to one model is refused (403)
   * for any other.
   */
  REACTOR_MODEL: variable(
    z
      .string()
      .regex(/^[a-z0-9][\w.-]*\/[a-z0-9][\w.-]*$/i, {
        error: `must be a model name like ${DEFAULT_MODEL} (owner/name: letters, digits, dots, dashes or underscores on each side of one slash). Leave it empty for ${DEFAULT_MODEL}.`,
      })
      .default(DEFAULT_MODEL),
  ),

  REACTOR_API_URL: apiUrl(false),

  /**
   * The default, Reactor's maximum, lets the browser reuse one token across
   * Connect clicks; lower it to shrink what a leaked token is worth.
   */
  REACTOR_TOKEN_LIFETIME_SECONDS: seconds(
    MAX_LIFETIME,
    MIN_LIFETIME,
    MAX_LIFETIME,
  ),

  /** Sessions one token may create (closed ones count): caps what a leaked token can spend. */
  REACTOR_TOKEN_MAX_SESSIONS: wholeNumber("sessions", 10, 1, 50),

  /**
   * Extra origins whose pages may call /api/token. By default only this app's
   * own pages may mint, since every token spends the key owner's credit; no
   * wildcards, for that reason. Bad entries are named by position, not value.
   */
  REACTOR_ALLOWED_ORIGINS: variable(z.string().default("")).transform(
    (raw, ctx) =>
      raw
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean)
        .flatMap((entry, index) => {
          const url = URL.canParse(entry) ? new URL(entry) : null;
          if (url && isOrigin(url)) return [url.origin];
          ctx.addIssue({
            code: "custom",
            message: `entry ${index + 1} is not an origin: use scheme and host only, like https://app.example.com, separated by commas (no paths, no wildcards).`,
          });
          return [];
        }),
  ),

  /**
   * Tokens per minute per client (per user when authorize() names one), since
   * anyone who can load the page can mint. Per instance without REDIS_URL.
   */
  TOKEN_RATE_LIMIT_PER_MINUTE: wholeNumber("requests", 10, 0, 10_000),

  /**
   * Tokens per minute for the whole deployment: bounds the bill however an
   * attacker varies the client key. Three clients' worth by default.
   */
  TOKEN_RATE_LIMIT_GLOBAL_PER_MINUTE: wholeNumber("requests", 30, 0, 100_000),

  /**
   * Whether `x-real-ip` / `x-forwarded-for` name the client. Opt-in because
   * any caller can send them and Next fills `x-forwarded-for` only when
   * absent; Vercel overwrites them, so unset means "yes" there only.
   */
  TRUST_PROXY_HEADERS: variable(
    z
      .stringbool({
        truthy: ["1", "true"],
        falsy: ["0", "false"],
        error:
          "must be 1 or 0. Set 1 only when a proxy in front of this server overwrites x-real-ip / x-forwarded-for (nginx, Fly, Render, Cloudflare); leave it empty to trust them on Vercel only.",
      })
      .optional(),
  ),

  /** Lets instances share the rate limits. A secret: never echoed, even in part. */
  REDIS_URL: variable(
    z
      .url({
        protocol: /^rediss?$/,
        hostname: /./,
        error:
          "must be a Redis URL like rediss://default:PASSWORD@HOST:6379 (rediss:// for TLS, as Upstash and Vercel KV give it; redis:// for a Redis on a private network). Its value is not shown here because it may contain a password. Leave it empty to keep rate limits in this server's memory.",
      })
      .optional(),
  ),

  /**
   * Idle seconds before a session asks "Still watching?" and ends 20 s later:
   * a forgotten tab would otherwise stream on your bill until the 20-minute cap.
   */
  REACTOR_IDLE_DISCONNECT_SECONDS: seconds(180, 0, MAX_POLICY),

  /** Nobody watches a hidden tab, yet it bills and holds one of 5 concurrent slots. */
  REACTOR_HIDDEN_DISCONNECT_SECONDS: seconds(60, 0, MAX_POLICY),
};

export const schemas = {
  development: z.object(fields),
  production: z.object({ ...fields, REACTOR_API_URL: apiUrl(true) }),
};

/** Every variable the schema reads; the test keeps `.env.example` in step with it. */
export const SERVER_ENV_VARIABLES = Object.keys(fields);
