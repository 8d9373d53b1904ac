import { buildCapabilities } from "../model/capabilities";
import { stateOf, type Session, type SessionState } from "./session";

// Response bodies of the session endpoints, shaped for SDK 2.9.0's zod
// schemas: CreateSessionResponseSchema requires session_id, state, cluster,
// model.name and server_info.server_version; the polled body additionally
// has selected_transport + capabilities once ready — their presence, not the
// state string, is what ends the SDK's polling.

const CLUSTER = "emulator.local";
const SERVER_VERSION = "emulator-1.0.0";

export function sessionBody(session: Session, stateOverride?: SessionState) {
  const state = stateOverride ?? stateOf(session);
  const base = {
    session_id: session.id,
    state,
    cluster: CLUSTER,
    model: { name: session.model },
    server_info: { server_version: SERVER_VERSION },
  };
  if (state !== "ACTIVE") return base;
  return {
    ...base,
    selected_transport: { protocol: "webrtc", version: "1.0" },
    capabilities: buildCapabilities(session.host.schema),
  };
}
