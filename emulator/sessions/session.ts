import type { ClipPlayer } from "../media/clip-player";
import type { InboundTracks } from "../media/inbound-tracks";
import type { ModelHost } from "../model/model-host";
import type { SessionPeer } from "../webrtc/peer";
import type { Timers } from "./timers";

// Reactor's session states (SDK enum): CREATED, PENDING, SUSPENDED, WAITING,
// ACTIVE, INACTIVE, CLOSED. The emulator uses the subset a healthy session
// walks through: CREATED (POST answer) → PENDING (queued for a GPU, the
// scenario's gpuDelayMs) → WAITING (runtime starting) → ACTIVE (capabilities
// and selected_transport published; the SDK stops polling) → CLOSED. The SDK
// treats CLOSED/INACTIVE as terminal while polling.
export type SessionState =
  "CREATED" | "PENDING" | "WAITING" | "ACTIVE" | "CLOSED";

/** Who may act on a session: a token's account, narrowed to the token itself when it is scoped. */
export type SessionOwner =
  | { kind: "token"; sub: string; jti: string; scoped: boolean }
  | { kind: "local" };

export type AnswerState =
  | { status: "none" }
  | { status: "pending" }
  | { status: "ready"; sdp: string; at: number }
  | { status: "failed"; error: string };

export interface UploadRecord {
  id: string;
  name: string;
  size: number;
  mimeType: string;
  receivedBytes: number | null;
  notified: boolean;
  /** Pixel size read from a PNG or JPEG upload's header; null when the bytes are not one. */
  image?: { width: number; height: number } | null;
}

export interface Session {
  id: string;
  model: string;
  mode: "cloud" | "local";
  owner: SessionOwner;
  createdAt: number;
  /** End of the GPU wait (PENDING → WAITING). */
  gpuReadyAt: number;
  /** Capabilities appear (→ ACTIVE). */
  readyAt: number;
  /** Hard cap: 20 minutes, or the token's max_session_duration_seconds. */
  deadlineAt: number;
  closedAt?: number;
  closeReason?: string;
  player: ClipPlayer;
  /** The client's published tracks: packet counts, and the one the model relays. */
  inbound: InboundTracks;
  /** The model behind the data channel: schema, command checks, profile behaviour. */
  host: ModelHost;
  peer?: SessionPeer;
  /** Bumped by every offer, so a slow answer for a replaced peer is dropped. */
  peerGeneration: number;
  answer: AnswerState;
  offers: number;
  lastOfferAt?: number;
  connectedAt?: number;
  lastLivenessAt?: number;
  /** When the client's peer went away without DELETE; a PUT may still revive the session. */
  peerLostAt?: number;
  webcamPackets: number;
  commands: number;
  uploads: UploadRecord[];
  /** Everything scheduled for this session; cleared when it closes. */
  timers: Timers;
}

export function stateOf(session: Session, now = Date.now()): SessionState {
  if (session.closedAt !== undefined) return "CLOSED";
  if (now < session.gpuReadyAt) return "PENDING";
  if (now < session.readyAt) return "WAITING";
  return "ACTIVE";
}

export function isOpen(session: Session): boolean {
  return session.closedAt === undefined;
}
