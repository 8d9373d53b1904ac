/*
 * GET /api/health → 200 { ok: true, configured: true, model } when the server
 * config is valid, else 503 { ok: false, configured: false, problems } where
 * `problems` lists the variables to fix, by name only.
 *
 * Why it exists: a load balancer, `docker run`'s HEALTHCHECK (Dockerfile) or
 * an uptime monitor needs to know "can this instance serve streams?" without
 * spending anything. /api/token would answer that by minting, which costs a
 * Reactor API call per probe and counts against the rate limit.
 *
 * What it never does: call Reactor, mint, or read the key beyond "is it
 * valid". It reports variable names, not the config's messages, because those
 * quote the offending values and this endpoint is public. The page's setup
 * screen and /api/token's `not_configured` error give the full text.
 *
 * Why 503 when unconfigured: "not ready" is the status every probe
 * understands, so a deployment without REACTOR_API_KEY shows as unhealthy
 * instead of serving a setup screen behind a green check.
 *
 * Read per request (GET handlers are dynamic since Next 15), so it reports the
 * environment the server runs with, not the one it was built with.
 */
import { readServerConfig } from "@/lib/server/env";

export interface HealthBody {
  ok: boolean;
  configured: boolean;
  /** `owner/name`, as the page passes it to the browser anyway. */
  model?: string;
  /** Variables to fix, when not configured. */
  problems?: string[];
}

export function GET(): Response {
  const config = readServerConfig();
  const body: HealthBody = config.ok
    ? { ok: true, configured: true, model: config.config.model }
    : {
        ok: false,
        configured: false,
        problems: [...new Set(config.issues.map((issue) => issue.variable))],
      };
  return Response.json(body, {
    status: config.ok ? 200 : 503,
    // A cached "healthy" would hide a broken instance from the next probe.
    headers: { "Cache-Control": "no-store" },
  });
}
