/*
 * Next 16 Proxy (formerly Middleware): sets the security headers on every
 * matched response, with a per-request CSP nonce.
 *
 * Why here and not in next.config.ts: the CSP's connect-src names the Reactor
 * API from REACTOR_API_URL, which the server reads at run time. Proxy runs on
 * the Node.js runtime by default in Next 16 and reads process.env per request,
 * so a changed REACTOR_API_URL applies without a rebuild.
 *
 * Why the CSP is also set on the *request* headers: Next reads the nonce from
 * the request's Content-Security-Policy while rendering and adds it to its own
 * scripts. That only happens for pages rendered per request, which is why the
 * page calls `await connection()`.
 */
import { NextResponse, type NextRequest } from "next/server";
import { readServerConfig } from "@/lib/server/env";
import { createNonce, securityHeaders } from "@/lib/server/security-headers";

export function proxy(request: NextRequest): NextResponse {
  const nonce = createNonce();
  const config = readServerConfig();
  const headers = securityHeaders({
    nonce,
    reactorApiUrl: config.ok ? config.config.apiUrl : undefined,
    isDevelopment: process.env.NODE_ENV === "development",
  });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(
    "Content-Security-Policy",
    headers["Content-Security-Policy"],
  );

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) {
    response.headers.set(name, value);
  }
  return response;
}

export const config = {
  matcher: [
    {
      // Static assets never render HTML, so they need no nonce. /api/token
      // is left out too: it answers JSON only (a CSP governs documents, not
      // JSON), it sets nosniff and Cache-Control itself, and this proxy's
      // per-request work cut its throughput (see `npm run bench`).
      // Only the exact path: /api/token/anything still gets the headers.
      source: "/((?!_next/static|_next/image|favicon.ico|api/token$).*)",
      // Link prefetches fetch RSC payloads, not documents (Next's CSP guide).
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
