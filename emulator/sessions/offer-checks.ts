import { HttpError } from "../http/errors";
import { stateOf, type Session } from "./session";

// When sdp_params may be POSTed or PUT (docs/reactor-contract.md, "WebRTC
// signalling"): only to an ACTIVE session, POST once, PUT to replace the
// peer, and only a real SDP offer. Each refusal is the status and sentence a
// client should see.

export function assertOfferAcceptable(
  session: Session,
  sdp: string,
  replace: boolean,
): void {
  const state = stateOf(session);
  if (state === "CLOSED") {
    throw new HttpError(409, "session is CLOSED");
  }
  if (state !== "ACTIVE") {
    throw new HttpError(
      409,
      `session is not ready (state ${state}); poll GET /sessions/{id} until capabilities appear`,
    );
  }
  if (!replace && session.peer) {
    throw new HttpError(
      409,
      "an SDP offer was already accepted; PUT replaces the peer",
    );
  }
  // werift accepts almost any text as an offer; catch the obvious mistakes with a useful message.
  if (!/^v=0\r?\n/.test(sdp) || !/\r?\nm=/.test(sdp)) {
    throw new HttpError(
      400,
      "could not apply the SDP offer: not an SDP offer with media sections",
    );
  }
}
