import "@/lib/zod-browser";
import { z } from "zod";
import { TOKEN_ERROR_CODES } from "@/lib/token-errors";

/**
 * The wire format of GET /api/token, shared by the route (which builds it),
 * the browser (which parses it) and the tests (which check one against the
 * other). Browser-safe: no server imports.
 */
export const tokenResponseSchema = z.object({
  /** Reactor JWT, opaque to this app; pass it to the SDK's connect(). */
  jwt: z.string().min(1),
  /**
   * When Reactor stops accepting the JWT, as Unix epoch **milliseconds**
   * (Reactor's `expires_at` is seconds; the route converts it so the browser
   * can compare it with `Date.now()` directly).
   */
  expiresAt: z.number().int().positive(),
});

export const tokenErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(TOKEN_ERROR_CODES),
    /** Human-readable, with the next step; safe to show as-is. */
    message: z.string().min(1),
  }),
});

export type TokenResponse = z.infer<typeof tokenResponseSchema>;
export type TokenErrorBody = z.infer<typeof tokenErrorBodySchema>;
