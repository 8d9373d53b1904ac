import { decodeJwt } from "jose";
import type { ServerConfig } from "@/lib/server/env";
import { mintToken } from "@/lib/server/mint-token";
import { TokenError } from "@/lib/token-errors";
import { check, type CheckResult } from "../result";
import { describeFailure } from "./network";

export interface MintOutcome {
  result: CheckResult;
  /** Kept in memory for the claims and `--live`; never put in a result. */
  jwt?: string;
  expiresAt?: number;
}

/**
 * A real mint with the configured key, through the app's own code
 * (lib/server/mint-token.ts), so the outcome is the token route's: the same
 * error codes (README, "Troubleshooting") and the same advice.
 */
export async function checkMint(config: ServerConfig): Promise<MintOutcome> {
  const result = check("mint", "Token mint with your key", true);
  const started = Date.now();
  try {
    const token = await mintToken(config);
    return {
      jwt: token.jwt,
      expiresAt: token.expiresAt,
      result: result.pass({
        detail: `minted a token for ${config.model} in ${Date.now() - started} ms, valid until ${new Date(token.expiresAt).toISOString()}`,
        data: { expiresAt: token.expiresAt },
      }),
    };
  } catch (error) {
    if (error instanceof TokenError) {
      return {
        result: result.fail({
          detail: `${error.code}: ${error.message}${error.cause ? ` (${describeFailure(error.cause)})` : ""}`,
          next:
            NEXT_STEP[error.code] ??
            "Fix the cause above and run `npm run doctor` again.",
          data: { code: error.code, status: error.status },
        }),
      };
    }
    return {
      result: result.fail({
        detail: `unexpected error: ${describeFailure(error)}`,
        next: "Run `npm run doctor` again; if it persists, report it with this output.",
      }),
    };
  }
}

const NEXT_STEP: Partial<Record<TokenError["code"], string>> = {
  key_rejected:
    "Create a new key in the Reactor dashboard (https://reactor.inc), put it in .env.local as REACTOR_API_KEY, and check REACTOR_API_URL and REACTOR_MODEL.",
  upstream_rate_limited: "Wait a minute and run `npm run doctor` again.",
  upstream_error:
    "Check REACTOR_API_URL, then try again; if it persists, Reactor may be having an outage.",
  upstream_timeout:
    "Try again; check the network path to REACTOR_API_URL (see the HTTP check).",
  upstream_malformed:
    "Point REACTOR_API_URL at the Reactor API itself (https://api.reactor.inc).",
};

/** Claims worth showing; undocumented, so informational only. */
export function checkClaims(jwt: string | undefined): CheckResult {
  const result = check("claims", "Token claims (informational)", false);
  if (!jwt) return result.skip("no token was minted");
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwt(jwt);
  } catch {
    return result.info({
      detail:
        "the token is opaque (not a decodable JWT); that is allowed, clients never read it",
    });
  }
  const time = (value: unknown) =>
    typeof value === "number"
      ? new Date(value * 1000).toISOString()
      : undefined;
  const facts: string[] = [];
  if (time(claims.iat)) facts.push(`issued ${time(claims.iat)}`);
  if (time(claims.exp)) facts.push(`expires ${time(claims.exp)}`);
  const models = scopedModels(claims.authorization_details);
  if (models) facts.push(`models ${models.join(", ")}`);
  return result.info({
    detail: `${facts.join(", ")}${facts.length ? "; " : ""}claims: ${Object.keys(claims).join(", ")}`,
    data: {
      claims: Object.keys(claims),
      issuedAt: time(claims.iat),
      expiresAt: time(claims.exp),
      models,
    },
  });
}

function scopedModels(details: unknown): string[] | undefined {
  if (!Array.isArray(details)) return undefined;
  const models = details.flatMap((detail) => {
    const match = (detail as { resources?: { models?: { match?: unknown } } })
      ?.resources?.models?.match;
    return Array.isArray(match)
      ? match.filter((m) => typeof m === "string")
      : [];
  });
  return models.length ? models : undefined;
}
