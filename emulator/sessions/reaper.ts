import type { Timings } from "../options";
import { stateOf, type Session } from "./session";
import type { SessionManager } from "./session-manager";
import type { SessionStore } from "./store";

// Sessions must end even when the client never says so: DELETE is
// best-effort on page unload (plain fetch, no keepalive), StrictMode aborts a
// POST /sessions mid-flight, a tab can just crash. One sweep a second checks
// every open session against its deadlines.

/** Why a session should be reaped now, or null. Pure, for tests. */
export function reapReason(
  session: Session,
  now: number,
  timings: Timings,
): string | null {
  if (now >= session.deadlineAt) return "max_duration";
  if (session.peerLostAt !== undefined && !session.peer) {
    return now - session.peerLostAt >= timings.peerLostGraceMs
      ? "peer_lost"
      : null;
  }
  if (session.offers === 0) {
    return stateOf(session, now) === "ACTIVE" &&
      now - session.readyAt >= timings.offerTimeoutMs
      ? "no_offer"
      : null;
  }
  if (session.connectedAt === undefined) {
    // Offer answered but media never connected (client gone after signalling, ICE blocked).
    if (session.answer.status === "pending") return null;
    const since =
      session.answer.status === "ready"
        ? session.answer.at
        : (session.lastOfferAt ?? session.readyAt);
    return now - since >= timings.offerTimeoutMs ? "connect_timeout" : null;
  }
  const lastHeard = session.lastLivenessAt ?? session.connectedAt;
  return now - lastHeard >= timings.pingTimeoutMs ? "ping_timeout" : null;
}

export function startReaper(
  store: SessionStore,
  manager: SessionManager,
  timings: Timings,
): () => void {
  const timer = setInterval(() => {
    const now = Date.now();
    for (const session of store.open()) {
      const reason = reapReason(session, now, timings);
      if (reason) manager.close(session, reason);
    }
  }, timings.reapIntervalMs);
  return () => clearInterval(timer);
}
