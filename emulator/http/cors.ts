import type { IncomingMessage, ServerResponse } from "node:http";

// The SDK calls the coordinator straight from the page with non-simple
// headers (Authorization, Reactor-*), and uploads PUT a typed Blob, so every
// endpoint gets a preflight. Nothing is sent with credentials, so `*` works.

const ALLOWED_HEADERS = [
  "Authorization",
  "Content-Type",
  "Reactor-API-Version",
  "Reactor-API-Accept-Version",
  "Reactor-WebRTC-Version",
  "Reactor-API-Key",
];

/** Headers every response carries, preflight or not. */
export function applyCorsHeaders(res: ServerResponse): void {
  res.setHeader("Access-Control-Allow-Origin", "*");
  // Lets page code read a 429's Retry-After and an upload's ETag.
  res.setHeader("Access-Control-Expose-Headers", "Retry-After, ETag");
}

export function answerPreflight(
  req: IncomingMessage,
  res: ServerResponse,
): void {
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
