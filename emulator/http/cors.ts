import type { IncomingMessage, ServerResponse } from "node:http";

// The SDK calls the coordinator straight from the page with non-simple
// headers (Authorization, Reactor-*), and uploads PUT a typed Blob, so those
// endpoints get a preflight. Nothing is sent with credentials, so `*` works.
//
// Only those endpoints: any web page a developer opens while the emulator runs
// can fetch loopback. Without CORS it cannot read an answer or send a
// non-simple request, so it can neither mint (the browser never calls
// /tokens; the app's server does) nor drive /_emulator/* (reconfigure, reset).

const ALLOWED_HEADERS = [
  "Authorization",
  "Content-Type",
  "Reactor-API-Version",
  "Reactor-API-Accept-Version",
  "Reactor-WebRTC-Version",
];

/** Paths the browser SDK calls: sessions (and their transport and uploads), presigned uploads, local mode. */
const BROWSER_PATHS =
  /^\/(sessions(\/.*)?|uploads\/[^/]+|start_session|stop_session)\/?$/;

export function isBrowserApiPath(pathname: string): boolean {
  return BROWSER_PATHS.test(pathname);
}

/** Headers every response on a browser path carries, preflight or not. */
export function applyCorsHeaders(res: ServerResponse, pathname: string): void {
  if (!isBrowserApiPath(pathname)) return;
  res.setHeader("Access-Control-Allow-Origin", "*");
  // Lets page code read a 429's Retry-After and an upload's ETag.
  res.setHeader("Access-Control-Expose-Headers", "Retry-After, ETag");
}

export function answerPreflight(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): void {
  if (!isBrowserApiPath(pathname)) {
    // No CORS headers at all: the browser refuses the real request.
    res.writeHead(403, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("no cross-origin access to this path");
    return;
  }
  // Echo what the browser asks for on top of the known list, so a future SDK header does not break CORS here.
  const requested = req.headers["access-control-request-headers"];
  const headers = requested
    ? `${ALLOWED_HEADERS.join(", ")}, ${requested}`
    : ALLOWED_HEADERS.join(", ");
  res.writeHead(204, {
    "Access-Control-Allow-Methods": "GET, POST, PUT, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": headers,
    // Chrome's Private Network Access: a public page calling this loopback server needs this.
    "Access-Control-Allow-Private-Network": "true",
    "Access-Control-Max-Age": "600",
  });
  res.end();
}
