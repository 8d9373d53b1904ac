import { z } from "zod";
import { HttpError } from "../http/errors";

// What POST /tokens accepts (docs/reactor-contract.md, "Minting a token"): no body, `null`, or
// `{ expires_after?, authorization_details? }`. Lifetimes above 6 h are
// silently clamped, as the real service does (still 200).

export const MAX_TOKEN_LIFETIME_SECONDS = 21_600;

const authorizationDetailSchema = z.object({
  type: z.literal("session"),
  resources: z
    .object({
      models: z.object({ match: z.array(z.string().min(1)).min(1) }).optional(),
    })
    .optional(),
  constraints: z
    .object({
      max_sessions: z.number().int().positive().optional(),
      max_session_duration_seconds: z
        .number()
        .int()
        .min(1)
        .max(86_400)
        .optional(),
    })
    .optional(),
});

const tokenRequestSchema = z
  .object({
    expires_after: z.number().int().positive().optional(),
    authorization_details: z.array(authorizationDetailSchema).optional(),
  })
  .nullable()
  .optional();

export type AuthorizationDetail = z.infer<typeof authorizationDetailSchema>;

/** What a scoped token may do; `null` fields are unconstrained. */
export interface TokenScope {
  /** Normalised `owner/name` model names, or null for any model. */
  models: string[] | null;
  maxSessions: number | null;
  maxSessionSeconds: number | null;
}

export interface TokenRequest {
  lifetimeSeconds: number;
  /** Null for an unscoped token (the key's full, account-level access). */
  scope: TokenScope | null;
  authorizationDetails: AuthorizationDetail[] | null;
}

export function parseTokenRequest(body: unknown): TokenRequest {
  const parsed = tokenRequestSchema.safeParse(body);
  if (!parsed.success) {
    throw new HttpError(
      400,
      `invalid token request: ${z.prettifyError(parsed.error)}`,
    );
  }
  const data = parsed.data ?? {};
  const details = data.authorization_details?.length
    ? data.authorization_details
    : null;
  return {
    lifetimeSeconds: Math.min(
      data.expires_after ?? MAX_TOKEN_LIFETIME_SECONDS,
      MAX_TOKEN_LIFETIME_SECONDS,
    ),
    scope: details ? scopeFromDetails(details) : null,
    authorizationDetails: details,
  };
}

/** Several entries widen the model list; the tightest numeric constraint wins. */
export function scopeFromDetails(details: AuthorizationDetail[]): TokenScope {
  const models = details.flatMap(
    (detail) => detail.resources?.models?.match ?? [],
  );
  const anyModel = details.some((detail) => !detail.resources?.models);
  return {
    models: anyModel ? null : [...new Set(models.map(normaliseModelName))],
    maxSessions: minDefined(
      details.map((detail) => detail.constraints?.max_sessions),
    ),
    maxSessionSeconds: minDefined(
      details.map((detail) => detail.constraints?.max_session_duration_seconds),
    ),
  };
}

/** A bare model name resolves under `reactor/` (client-SDK convention), so `helios` ≡ `reactor/helios`. */
export function normaliseModelName(name: string): string {
  return name.includes("/") ? name : `reactor/${name}`;
}

function minDefined(values: (number | undefined)[]): number | null {
  const defined = values.filter(
    (value): value is number => value !== undefined,
  );
  return defined.length ? Math.min(...defined) : null;
}
