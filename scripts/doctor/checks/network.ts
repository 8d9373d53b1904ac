import { isIP } from "node:net";
import { isLoopbackHost } from "@/lib/server/env";
import type { DoctorIo } from "../io";
import { check, type CheckResult } from "../result";

const HTTP_TIMEOUT_MS = 8_000;

/** Why a network call failed, from the innermost cause (e.g. "getaddrinfo ENOTFOUND host"). */
export function describeFailure(error: unknown): string {
  let current = error;
  let text = "";
  while (current instanceof Error) {
    const code = (current as NodeJS.ErrnoException).code;
    text =
      code && !current.message.includes(code)
        ? `${code}: ${current.message}`
        : current.message;
    current = current.cause;
  }
  return text || String(error);
}

export async function checkDns(
  apiUrl: string,
  io: DoctorIo,
): Promise<CheckResult> {
  const { hostname } = new URL(apiUrl);
  const result = check("dns", "DNS", true);
  const bare = hostname.replace(/^\[|\]$/g, "");
  if (isIP(bare) || isLoopbackHost(hostname)) {
    return result.pass({ detail: `${hostname} needs no lookup` });
  }
  try {
    const addresses = await io.resolve(hostname);
    return result.pass({
      detail: `${hostname} → ${addresses.slice(0, 3).join(", ")}${addresses.length > 3 ? ", …" : ""}`,
      data: { addresses },
    });
  } catch (error) {
    return result.fail({
      detail: `${hostname} does not resolve (${describeFailure(error)})`,
      next: "Check REACTOR_API_URL for typos, then this machine's network, VPN or DNS settings.",
    });
  }
}

export async function checkTls(
  apiUrl: string,
  io: DoctorIo,
): Promise<CheckResult> {
  const url = new URL(apiUrl);
  const result = check("tls", "TLS", true);
  if (url.protocol !== "https:") {
    return isLoopbackHost(url.hostname)
      ? result.pass({ detail: "plain HTTP on loopback (the local emulator)" })
      : result.warn({
          detail: `${url.origin} is plain HTTP: the API key would cross the network unencrypted`,
          next: "Use an https:// REACTOR_API_URL (the default is https://api.reactor.inc).",
        });
  }
  try {
    const facts = await io.tlsHandshake(url.hostname, Number(url.port || 443));
    return result.pass({
      detail: `${facts.protocol ?? "TLS"}, certificate${facts.issuer ? ` from ${facts.issuer}` : ""} valid until ${facts.validTo}`,
      data: { ...facts },
    });
  } catch (error) {
    const reason = describeFailure(error);
    return result.fail({
      detail: `no TLS connection to ${url.host} (${reason})`,
      next: /CERT|SELF_SIGNED|UNABLE_TO/i.test(reason)
        ? "A proxy or firewall is intercepting HTTPS. Point NODE_EXTRA_CA_CERTS at its CA certificate, or try another network."
        : "Check that this machine may open HTTPS connections to that host (firewall, proxy, VPN).",
    });
  }
}

export interface HttpProbe {
  result: CheckResult;
  /** The server's clock, from its Date header, and when we asked. */
  clock?: { serverDate: number; sentAt: number; receivedAt: number };
}

/**
 * An unauthenticated GET of the API's base URL: any HTTP answer (404
 * included) proves the host is reachable. No key is sent and redirects are
 * not followed, so nothing secret can travel anywhere.
 */
export async function checkHttp(
  apiUrl: string,
  io: DoctorIo,
): Promise<HttpProbe> {
  const result = check("http", "HTTP reachability", true);
  const sentAt = io.now();
  try {
    const response = await fetch(`${apiUrl}/`, {
      redirect: "manual",
      signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
      cache: "no-store",
    });
    const receivedAt = io.now();
    response.body?.cancel().catch(() => undefined);
    const date = Date.parse(response.headers.get("Date") ?? "");
    return {
      result: result.pass({
        detail: `${apiUrl} answered HTTP ${response.status} in ${receivedAt - sentAt} ms`,
        data: { status: response.status, ms: receivedAt - sentAt },
      }),
      clock: Number.isNaN(date)
        ? undefined
        : { serverDate: date, sentAt, receivedAt },
    };
  } catch (error) {
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    return {
      result: result.fail({
        detail: timedOut
          ? `${apiUrl} did not answer within ${HTTP_TIMEOUT_MS / 1000} s`
          : `${apiUrl} could not be reached (${describeFailure(error)})`,
        next: isLoopbackHost(new URL(apiUrl).hostname)
          ? "Start the emulator (`npm run emulator`) or fix REACTOR_API_URL's port."
          : "Check REACTOR_API_URL and this machine's network (firewall, proxy, VPN), then try again.",
      }),
    };
  }
}

/** Tokens carry issue and expiry times; a clock far off makes fresh ones look expired. */
export const SKEW_WARN_SECONDS = 10;
export const SKEW_FAIL_SECONDS = 60;

export function checkClock(clock: HttpProbe["clock"]): CheckResult {
  const result = check("clock", "Clock skew", true);
  if (!clock) {
    return result.warn({
      detail: "the API sent no Date header; skew unknown",
      next: "Make sure this machine syncs its clock (NTP).",
    });
  }
  // The Date header has 1 s resolution; compare it with the middle of the request.
  const local = (clock.sentAt + clock.receivedAt) / 2;
  const skewSeconds = Math.round((local - clock.serverDate) / 1000);
  const data = { skewSeconds };
  const describe = `this machine is ${Math.abs(skewSeconds)} s ${skewSeconds >= 0 ? "ahead of" : "behind"} the API`;
  if (Math.abs(skewSeconds) > SKEW_FAIL_SECONDS) {
    return result.fail({
      detail: describe,
      next: "Sync this machine's clock (enable NTP / automatic time), then try again.",
      data,
    });
  }
  if (Math.abs(skewSeconds) > SKEW_WARN_SECONDS) {
    return result.warn({
      detail: describe,
      next: "Enable automatic time sync (NTP) on this machine.",
      data,
    });
  }
  return result.pass({
    detail: Math.abs(skewSeconds) <= 1 ? "within 1 s of the API" : describe,
    data,
  });
}
