import { accountIdForKey, requireApiKey } from "../auth/api-key";
import { parseTokenRequest } from "../auth/token-request";
import type { EmulatorContext } from "../context";
import { readJson } from "../http/body";
import { HttpError } from "../http/errors";
import { sendJson } from "../http/respond";
import type { Router } from "../http/router";

// POST /tokens: what the app's server-side token route calls with its API
// key. Only POST is mounted, like the real service (GET /tokens → 404). The
// scenario's mintFailure makes this fail on purpose so the app's error paths
// can be exercised.

const MINT_FAILURES = {
  401: "unknown key",
  429: "rate limited: too many token requests",
  500: "internal error while minting token",
} as const;

export function tokenRoutes(router: Router, ctx: EmulatorContext): void {
  router.on("POST", "/tokens", async ({ req, res }) => {
    // The generated clients send Reactor-API-Version here; plain fetches often do not.
    const version = req.headers["reactor-api-version"];
    if (version !== undefined && version !== "1") {
      throw new HttpError(
        426,
        `Reactor-API-Version ${String(version)} is not supported; this server speaks 1`,
      );
    }
    const failure = ctx.scenario.current.mintFailure;
    if (failure === "timeout") {
      ctx.log("token.mint_failed", { scenario: "timeout" });
      // Never answer; the socket is destroyed when the emulator closes.
      return new Promise<void>(() => {});
    }
    if (failure !== null) {
      ctx.log("token.mint_failed", { scenario: failure });
      throw new HttpError(
        failure,
        MINT_FAILURES[failure],
        failure === 429 ? { "Retry-After": "30" } : {},
      );
    }
    const key = requireApiKey(req, ctx.apiKeys);
    const request = parseTokenRequest(await readJson(req));
    const account = accountIdForKey(key);
    const { jwt, expiresAt } = await ctx.issuer.mint({
      subject: account,
      lifetimeSeconds: request.lifetimeSeconds,
      authorizationDetails: request.authorizationDetails,
    });
    ctx.log("token.minted", {
      account,
      lifetime_s: request.lifetimeSeconds,
      models: request.scope
        ? (request.scope.models?.join(",") ?? "any")
        : "unscoped",
      max_sessions: request.scope?.maxSessions ?? undefined,
    });
    sendJson(res, 200, { jwt, expires_at: expiresAt });
  });
}
