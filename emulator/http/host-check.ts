import type { IncomingMessage } from "node:http";

// DNS rebinding guard: a web page can point a hostname it owns at 127.0.0.1
// and then talk to the emulator as "same origin", CORS or not. Such requests
// carry the attacker's hostname in Host, so only loopback names (and the
// address the emulator was explicitly bound to) are served.

const LOOPBACK = /^(localhost|.+\.localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** The hostname part of a Host header (`name`, `name:port`, `[v6]:port`). */
function hostnameOf(host: string): string {
  const match = /^(\[[^\]]*\]|[^:]*)(:\d+)?$/.exec(host.trim());
  return match ? match[1]!.toLowerCase() : "";
}

/** Bound host → the Host value that names it; wildcard binds add nothing. */
function boundHostname(bindHost: string): string | undefined {
  if (bindHost === "0.0.0.0" || bindHost === "::") return undefined;
  return (bindHost.includes(":") ? `[${bindHost}]` : bindHost).toLowerCase();
}

export function isAllowedHost(req: IncomingMessage, bindHost: string): boolean {
  const host = req.headers.host;
  if (!host) return false;
  const hostname = hostnameOf(host);
  return LOOPBACK.test(hostname) || hostname === boundHostname(bindHost);
}
