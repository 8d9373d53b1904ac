import type { IncomingMessage } from "node:http";
import type { EmulatorContext } from "../context";
import { HttpError } from "../http/errors";
import type { Session } from "../sessions/session";
import { authenticate } from "./request-auth";

// Who may touch a session (docs/reactor-contract.md, "Minting a token"): a scoped token only the
// sessions it created itself; an unscoped token any session of its account
// (API key). Authentication comes first, so an unknown id without a valid
// token is 401, not 404. Local-mode sessions have no auth at all: the local
// runtime accepts `Bearer local` (transport) or nothing (start/stop/uploads).
export async function authorizedSession(
  ctx: EmulatorContext,
  req: IncomingMessage,
  id: string,
): Promise<Session> {
  const session = ctx.store.get(id);
  if (session?.mode === "local") return session;
  const claims = await authenticate(req, ctx.issuer);
  if (!session) throw new HttpError(404, `session ${id} not found`);
  const owner = session.owner;
  if (owner.kind === "token") {
    const allowed = claims.scope
      ? owner.jti === claims.jti
      : owner.sub === claims.sub;
    if (!allowed) {
      throw new HttpError(
        403,
        claims.scope
          ? "this token may only act on sessions it created"
          : "session belongs to another account",
      );
    }
  }
  return session;
}
