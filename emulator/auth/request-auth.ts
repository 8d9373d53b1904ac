import type { IncomingMessage } from "node:http";
import { HttpError } from "../http/errors";
import type { TokenClaims, TokenIssuer } from "./jwt";

// Coordinator calls carry `Reactor-API-Version: 1` (SDK package.json
// reactor.apiVersion). The SDK maps 426 to CLIENT_VERSION_TOO_OLD, so a
// client speaking another version gets exactly what the real service sends.
export function requireApiVersion(req: IncomingMessage): void {
  const version = req.headers["reactor-api-version"];
  if (version !== "1") {
    throw new HttpError(
      426,
      `Reactor-API-Version ${typeof version === "string" ? version : "(missing)"} is not supported; this server speaks 1`,
    );
  }
}

// Transport calls carry `Reactor-WebRTC-Version: 1.0` instead; a missing one is tolerated (curl, tests).
export function checkWebRtcVersion(req: IncomingMessage): void {
  const version = req.headers["reactor-webrtc-version"];
  if (version !== undefined && version !== "1.0") {
    throw new HttpError(
      426,
      `Reactor-WebRTC-Version ${String(version)} is not supported; this server speaks 1.0`,
    );
  }
}

function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const match =
    typeof header === "string" ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

/** 401 for a missing, malformed, forged, expired or revoked token ("Invalid or expired token" is Reactor's wording). */
export async function authenticate(
  req: IncomingMessage,
  issuer: TokenIssuer,
): Promise<TokenClaims> {
  const token = bearerToken(req);
  if (!token) throw new HttpError(401, "missing bearer token");
  const result = await issuer.verify(token);
  if (!result.ok) {
    throw new HttpError(
      401,
      result.reason === "expired"
        ? "Invalid or expired token: token expired"
        : "Invalid or expired token",
    );
  }
  return result.claims;
}
