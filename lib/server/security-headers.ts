import "server-only";

/*
 * The security headers every page response carries, computed per request by
 * proxy.ts. Why not `headers()` in next.config.ts: those are fixed at build
 * time, and connect-src must follow REACTOR_API_URL as the server reads it at
 * run time (switching to the emulator or staging needs no rebuild). The nonce
 * must be fresh per request anyway.
 */

export interface SecurityHeaderOptions {
  /** Fresh per request (createNonce); Next copies it onto its own scripts. */
  nonce: string;
  /** The Reactor API base the browser SDK calls; undefined when config is invalid. */
  reactorApiUrl: string | undefined;
  /** `next dev`: React needs eval for its debugging aids. */
  isDevelopment: boolean;
}

/** 128 random bits, base64: unguessable, and valid in a CSP nonce source. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString(
    "base64",
  );
}

export function contentSecurityPolicy({
  nonce,
  reactorApiUrl,
  isDevelopment,
}: SecurityHeaderOptions): string {
  // The SDK polls sessions and exchanges SDP over HTTP with the Reactor API;
  // WebRTC media itself is not governed by CSP. Without a valid config the
  // page only shows the setup screen, which needs nothing beyond 'self'.
  const reactorOrigin =
    reactorApiUrl && URL.canParse(reactorApiUrl)
      ? new URL(reactorApiUrl).origin
      : undefined;
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // 'strict-dynamic': only scripts carrying this request's nonce (Next adds
    // it to its own) and what they load may run; 'self' is then ignored by
    // CSP3 browsers and kept as the fallback for older ones.
    "script-src": [
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...(isDevelopment ? ["'unsafe-eval'"] : []),
    ],
    // The SDK's ReactorView sets inline style attributes, which a nonce cannot
    // cover; inline styles cannot run code.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    // Remote video arrives as a MediaStream; the SDK may also use blob: URLs.
    "media-src": ["'self'", "blob:", "mediastream:"],
    "connect-src": ["'self'", ...(reactorOrigin ? [reactorOrigin] : [])],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    // Clickjacking: nobody may frame the page that holds Connect.
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

export function securityHeaders(options: SecurityHeaderOptions) {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    // Reactor and other sites see our origin, never page paths or queries.
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    // Webcam input is this page's only use of devices; no frame may ask.
    "Permissions-Policy":
      "camera=(self), microphone=(self), display-capture=(), geolocation=(), payment=(), usb=()",
  };
}
