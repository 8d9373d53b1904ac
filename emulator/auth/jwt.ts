import { randomBytes, randomUUID } from "node:crypto";
import { errors, jwtVerify, SignJWT } from "jose";
import {
  scopeFromDetails,
  type AuthorizationDetail,
  type TokenScope,
} from "./token-request";

// Real HS256 JWTs (the SDK treats them as opaque; the coordinator validates
// them). Claims mirror what a Reactor token plausibly carries: `sub` (the
// account), `iat`, `exp` (= the mint response's `expires_at`), `jti`, and a
// copy of `authorization_details` when scoped. The secret is per process, so
// a restarted emulator rejects old tokens as invalid, like a rotated key.

const ISSUER = "reactor-emulator";

export interface TokenClaims {
  sub: string;
  jti: string;
  iat: number;
  exp: number;
  scope: TokenScope | null;
}

export type VerifyResult =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: "expired" | "invalid" };

export class TokenIssuer {
  private readonly secret: Uint8Array;
  /** jti of every token minted so far, so expire-tokens can revoke exactly those. */
  private readonly minted = new Set<string>();
  private readonly revoked = new Set<string>();
  mintedCount = 0;

  constructor(secret?: string) {
    this.secret = secret ? new TextEncoder().encode(secret) : randomBytes(32);
  }

  async mint(input: {
    subject: string;
    lifetimeSeconds: number;
    authorizationDetails: AuthorizationDetail[] | null;
  }): Promise<{ jwt: string; expiresAt: number }> {
    const iat = Math.floor(Date.now() / 1000);
    const exp = iat + input.lifetimeSeconds;
    const jti = randomUUID();
    const payload = input.authorizationDetails
      ? { authorization_details: input.authorizationDetails }
      : {};
    const jwt = await new SignJWT(payload)
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setIssuer(ISSUER)
      .setSubject(input.subject)
      .setJti(jti)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(this.secret);
    this.minted.add(jti);
    this.mintedCount += 1;
    return { jwt, expiresAt: exp };
  }

  async verify(jwt: string): Promise<VerifyResult> {
    try {
      const { payload } = await jwtVerify(jwt, this.secret, {
        issuer: ISSUER,
        algorithms: ["HS256"],
      });
      if (typeof payload.sub !== "string" || typeof payload.jti !== "string") {
        return { ok: false, reason: "invalid" };
      }
      if (typeof payload.iat !== "number" || typeof payload.exp !== "number") {
        return { ok: false, reason: "invalid" };
      }
      if (this.revoked.has(payload.jti)) {
        return { ok: false, reason: "expired" };
      }
      const details = payload.authorization_details as
        AuthorizationDetail[] | undefined;
      return {
        ok: true,
        claims: {
          sub: payload.sub,
          jti: payload.jti,
          iat: payload.iat,
          exp: payload.exp,
          scope: details?.length ? scopeFromDetails(details) : null,
        },
      };
    } catch (error) {
      return {
        ok: false,
        reason: error instanceof errors.JWTExpired ? "expired" : "invalid",
      };
    }
  }

  /** Admin `expire-tokens`: every token minted so far now fails as expired. */
  expireAll(): number {
    for (const jti of this.minted) this.revoked.add(jti);
    const count = this.minted.size;
    this.minted.clear();
    return count;
  }
}
