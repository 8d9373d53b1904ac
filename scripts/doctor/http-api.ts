import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { SignallingApi } from "./webrtc-client";

const REQUEST_TIMEOUT_MS = 15_000;

/**
 * The coordinator over plain node:http(s), for the live check.
 *
 * Why not fetch: it reuses idle keep-alive sockets, and a server that closed
 * one just as it is reused fails the request ("other side closed"). fetch
 * cannot retry a POST safely (a repeated POST /sessions would start a
 * second, billed session), so every request here opens its own connection
 * (`agent: false`). Redirects are never followed: the JWT rides in every
 * request's Authorization header, and a secret never follows a redirect.
 */
export function httpApi(baseUrl: string): SignallingApi {
  return {
    request(method, path, init = {}) {
      const url = new URL(`${baseUrl}${path}`);
      const body =
        init.body === undefined ? undefined : JSON.stringify(init.body);
      const send = url.protocol === "https:" ? httpsRequest : httpRequest;
      return new Promise((resolve, reject) => {
        const req = send(
          url,
          {
            method,
            agent: false,
            headers: {
              Accept: "application/json",
              ...(body === undefined
                ? {}
                : {
                    "Content-Type": "application/json",
                    "Content-Length": Buffer.byteLength(body),
                  }),
              ...init.headers,
            },
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on("data", (chunk: Buffer) => chunks.push(chunk));
            response.on("error", reject);
            response.on("end", () => {
              const text = Buffer.concat(chunks).toString("utf8");
              let json: unknown = undefined;
              try {
                json = text ? JSON.parse(text) : undefined;
              } catch {
                // Error pages are not JSON; the status is what callers report.
              }
              resolve({ status: response.statusCode ?? 0, json });
            });
          },
        );
        req.on("error", reject);
        req.end(body);
      });
    },
  };
}
