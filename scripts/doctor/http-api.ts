import type { SignallingApi } from "./webrtc-client";

const REQUEST_TIMEOUT_MS = 15_000;

/**
 * The coordinator over fetch, for the live check. Redirects are never
 * followed: the JWT rides in every request's Authorization header, and a
 * secret never follows a redirect.
 */
export function httpApi(baseUrl: string): SignallingApi {
  return {
    async request(method, path, init = {}) {
      const hasBody = init.body !== undefined;
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          ...(hasBody ? { "Content-Type": "application/json" } : {}),
          ...init.headers,
        },
        body: hasBody ? JSON.stringify(init.body) : undefined,
        redirect: "manual",
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        cache: "no-store",
      });
      const text = await response.text();
      let json: unknown = undefined;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        // Error pages are not JSON; the status is what callers report.
      }
      return { status: response.status, json };
    },
  };
}
