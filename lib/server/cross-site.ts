import "server-only";

/*
 * Refuse token requests that a browser makes on behalf of another site.
 *
 * Why: /api/token needs no credentials, so without this any page on the web
 * could fetch tokens from your deployment (through its visitors' browsers) and
 * spend your GPU credit. This only stops *browsers*: a script can send any
 * headers it likes, which is what the rate limit and authorize() are for.
 *
 * Browsers say where a request comes from in two headers:
 * - `Sec-Fetch-Site` (all current browsers): `same-origin` and `none` (typed
 *   into the address bar) pass; `same-site` and `cross-site` need the
 *   allow-list. The browser computes it, so it survives proxies that rewrite Host.
 * - `Origin` (older browsers without Sec-Fetch-Site, and every cross-origin
 *   fetch): its host must equal the host this request was addressed to (the
 *   first `x-forwarded-host`, as Vercel and Next's own server set it, else
 *   `Host`), or the origin must be allow-listed. Host only, not scheme: behind
 *   a TLS-terminating proxy that omits x-forwarded-proto the app believes it
 *   is http while the page is https. Next's Server Actions CSRF check compares
 *   the same way.
 * - Neither header: not a browser (curl, a server, a health check). Nothing
 *   here can tell it apart from an attacker's script, so it passes on to the
 *   rate limit.
 */

export type OriginCheck =
  | {
      allowed: true;
      /** Set when an allow-listed origin asked: echo it in Access-Control-Allow-Origin. */
      corsOrigin?: string;
    }
  | { allowed: false };

export function checkOrigin(
  request: Request,
  allowedOrigins: readonly string[],
): OriginCheck {
  const site = request.headers.get("sec-fetch-site")?.toLowerCase();
  const origin = request.headers.get("origin");

  if (site === "same-origin" || site === "none") return { allowed: true };

  const normalisedOrigin = normaliseOrigin(origin);
  if (normalisedOrigin && allowedOrigins.includes(normalisedOrigin)) {
    return { allowed: true, corsOrigin: normalisedOrigin };
  }
  // The browser itself says another site asked, and it is not allow-listed.
  if (site) return { allowed: false };

  if (origin === null) return { allowed: true };
  // "null" (sandboxed iframes, file://) or garbage: a browser hiding where it came from.
  if (!normalisedOrigin) return { allowed: false };
  return { allowed: new URL(normalisedOrigin).host === ownHost(request) };
}

function normaliseOrigin(origin: string | null): string | undefined {
  if (!origin || !URL.canParse(origin)) return undefined;
  const { protocol, origin: normalised } = new URL(origin);
  return protocol === "https:" || protocol === "http:" ? normalised : undefined;
}

/** The host the browser addressed, as the nearest proxy (or Next) reports it. */
function ownHost(request: Request): string {
  const first = (name: string) =>
    request.headers.get(name)?.split(",")[0]?.trim() || undefined;
  const url = new URL(request.url);
  const host = first("x-forwarded-host") ?? first("host") ?? url.host;
  const protocol = first("x-forwarded-proto") ?? url.protocol.replace(":", "");
  // Parse to drop a default port, so `example.com:443` equals `example.com`.
  const candidate = `${protocol === "https" ? "https" : "http"}://${host}`;
  return URL.canParse(candidate) ? new URL(candidate).host : host.toLowerCase();
}
