import { http, HttpResponse, type RequestHandler } from "msw";
import {
  UPSTREAM_TOKENS_URL,
  UPSTREAM_UNKNOWN_KEY_BODY,
  upstreamToken,
} from "@test/fixtures/upstream-token";

/**
 * Happy path for every test: Reactor's mint answers like production would.
 * Error cases override it per test with `server.use(...)`.
 */
export const handlers: RequestHandler[] = [
  http.post(UPSTREAM_TOKENS_URL, async ({ request }) => {
    // Like the coordinator: no key, no token. Keeps the happy path honest
    // about the header actually being sent.
    if (!request.headers.get("Reactor-API-Key")?.startsWith("rk_")) {
      return HttpResponse.json(UPSTREAM_UNKNOWN_KEY_BODY, { status: 401 });
    }
    const body = (await request.json().catch(() => null)) as {
      expires_after?: unknown;
    } | null;
    const lifetime =
      typeof body?.expires_after === "number" ? body.expires_after : 21_600;
    return HttpResponse.json(
      upstreamToken(Math.floor(Date.now() / 1000) + Math.min(lifetime, 21_600)),
    );
  }),
];
