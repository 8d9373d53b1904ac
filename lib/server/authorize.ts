import "server-only";

/*
 * THE place to plug in your own auth. GET /api/token calls this before it
 * spends anything, after the cross-site check and before the rate limit.
 *
 * As shipped it lets everyone through: anyone who can load your page can mint
 * tokens (scoped to one model and REACTOR_TOKEN_MAX_SESSIONS sessions each,
 * rate-limited per IP), and every session they start spends your GPU credit.
 * That is fine for a demo on localhost; put real auth here before you share a
 * public URL.
 */

export type AuthorizeResult =
  | {
      allowed: true;
      /** A stable user id: the rate limit then counts per user instead of per IP. */
      userId?: string;
    }
  | {
      allowed: false;
      /** Shown to the visitor as-is (401 `unauthorized`); say what to do next. */
      message?: string;
    };

export async function authorize(request: Request): Promise<AuthorizeResult> {
  // Example with a session library (Auth.js, Clerk, iron-session, …):
  //
  //   import { auth } from "@/auth";
  //
  //   const session = await auth();
  //   if (!session?.user?.id) {
  //     return { allowed: false, message: "Sign in to start a stream." };
  //   }
  //   return { allowed: true, userId: session.user.id };
  void request;
  return { allowed: true };
}
