import { HttpError } from "../http/errors";
import type { Logger } from "../log";
import type { ClipLibrary } from "../media/clips";
import type { Timings } from "../options";
import type { ScenarioHolder } from "../scenario";
import { SessionPeer } from "../webrtc/peer";
import type { TrackMappingEntry } from "../webrtc/track-mapping";
import { newSession, type CreateInput } from "./new-session";
import { assertOfferAcceptable } from "./offer-checks";
import { PeerCloser } from "./peer-closer";
import { isOpen, stateOf, type Session } from "./session";
import { serveSessionChannel } from "./session-channel";
import type { SessionStore } from "./store";

// Session lifecycle: creation under the capacity and token limits, the SDP
// offer/answer exchange (docs/reactor-contract.md, "WebRTC signalling"),
// media connect, and every way a session ends. HTTP routes and the reaper
// call into this; it never touches HTTP itself except for the HttpErrors that
// carry the status a client should see.
//
// Each offer bumps `session.peerGeneration`; every callback of a peer checks
// its generation first, so a replaced peer (PUT, SDK reconnect()) can no
// longer touch the session.

export interface ManagerDeps {
  store: SessionStore;
  scenario: ScenarioHolder;
  clips: ClipLibrary;
  log: Logger;
  timings: Timings;
  iceAdditionalHostAddresses?: string[];
}

/** Retry-After for a full emulator: about how long the reaper needs to free an orphan. */
const CAPACITY_RETRY_AFTER_SECONDS = "10";

export class SessionManager {
  /** Sessions each scoped token has created, for `max_sessions` (closed ones count too). */
  private readonly perToken = new Map<string, number>();
  private readonly peers = new PeerCloser();

  constructor(private readonly deps: ManagerDeps) {}

  create(input: CreateInput): Session {
    const { store, scenario, log } = this.deps;
    this.admit(input);
    if (input.owner.kind === "token") {
      const { jti } = input.owner;
      this.perToken.set(jti, (this.perToken.get(jti) ?? 0) + 1);
    }
    const session = newSession(input, this.deps);
    store.add(session);
    session.timers.after(session.readyAt - session.createdAt, () =>
      log("session.ready", { session: session.id, state: stateOf(session) }),
    );
    log("session.created", {
      session: session.id,
      mode: input.mode,
      model: input.model,
      profile: session.host.profile.id,
      gpu_delay_ms: scenario.current.gpuDelayMs,
      open: store.open().length,
    });
    return session;
  }

  /**
   * POST (first offer) or PUT (SDK reconnect(): replace the peer, keep the
   * session) sdp_params. Resolves once the offer is applied; the answer is
   * published later, after ICE gathering and the scenario's sdpDelayMs.
   */
  async acceptOffer(
    session: Session,
    sdp: string,
    mapping: TrackMappingEntry[],
    replace: boolean,
  ): Promise<void> {
    assertOfferAcceptable(session, sdp, replace);
    const { generation, offerAt } = this.beginOffer(session, replace, mapping);
    const sdpDelayMs = this.deps.scenario.current.sdpDelayMs;
    const peer = await this.openPeer(session, sdp, mapping, generation);
    if (generation !== session.peerGeneration || !isOpen(session)) {
      this.peers.close(peer);
      return;
    }
    session.peer = peer;
    void this.publishAnswer(session, peer, generation, offerAt, sdpDelayMs);
  }

  close(session: Session, reason: string, peerCloseDelayMs = 0): void {
    if (!isOpen(session)) return;
    session.closedAt = Date.now();
    session.closeReason = reason;
    session.timers.clear();
    session.player.stop();
    const peer = session.peer;
    session.peer = undefined;
    if (peer) this.peers.close(peer, peerCloseDelayMs);
    this.deps.log("session.closed", {
      session: session.id,
      reason,
      lived_ms: session.closedAt - session.createdAt,
      frames: session.player.snapshot().frame,
    });
    this.deps.store.prune();
  }

  /** Emulator shutdown or admin reset: end everything now; resolves when the peers are closed. */
  async closeAll(reason: string): Promise<void> {
    for (const session of this.deps.store.open()) this.close(session, reason);
    await this.peers.closeAll();
  }

  resetCounters(): void {
    this.perToken.clear();
  }

  /** Refuses a session over the token's `max_sessions` or the scenario's capacity. */
  private admit(input: CreateInput): void {
    const { store, scenario, log } = this.deps;
    if (input.owner.kind === "token" && input.maxSessions != null) {
      const used = this.perToken.get(input.owner.jti) ?? 0;
      if (used >= input.maxSessions) {
        throw new HttpError(
          403,
          `token may create at most ${input.maxSessions} session(s) (max_sessions)`,
        );
      }
    }
    const cap = scenario.current.maxConcurrentSessions;
    const open = store.open().length;
    if (open >= cap) {
      log("session.rejected", { reason: "capacity", open, cap });
      throw new HttpError(
        429,
        cap === 0
          ? "no GPU capacity available, try again later"
          : `concurrent session limit reached (${cap})`,
        { "Retry-After": CAPACITY_RETRY_AFTER_SECONDS },
      );
    }
  }

  /** A new offer replaces whatever peer there was: the session waits for its answer again. */
  private beginOffer(
    session: Session,
    replace: boolean,
    mapping: TrackMappingEntry[],
  ): { generation: number; offerAt: number } {
    const generation = ++session.peerGeneration;
    const offerAt = Date.now();
    this.dropPeer(session);
    session.answer = { status: "pending" };
    session.offers += 1;
    session.lastOfferAt = offerAt;
    session.peerLostAt = undefined;
    session.connectedAt = undefined;
    this.deps.log("sdp.offer", {
      session: session.id,
      method: replace ? "PUT" : "POST",
      tracks: mapping.length,
    });
    return { generation, offerAt };
  }

  /** Applies the offer to a new werift peer; an offer it cannot apply is the client's 400. */
  private async openPeer(
    session: Session,
    sdp: string,
    mapping: TrackMappingEntry[],
    generation: number,
  ): Promise<SessionPeer> {
    const { log, clips, timings } = this.deps;
    try {
      return await SessionPeer.answer(sdp, mapping, {
        sessionId: session.id,
        player: session.player,
        audio: clips.audio,
        inbound: session.inbound,
        log,
        additionalHostAddresses: this.deps.iceAdditionalHostAddresses,
        onConnectionState: (state) =>
          this.onConnectionState(session, generation, state),
        onDataChannel: (channel, peer) => {
          if (generation !== session.peerGeneration) return;
          serveSessionChannel(session, channel, peer, {
            log,
            stateIntervalMs: timings.stateIntervalMs,
          });
        },
        onWebcamPacket: () => this.countWebcamPacket(session),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (generation === session.peerGeneration) {
        session.answer = { status: "failed", error: message };
      }
      log("sdp.offer_rejected", { session: session.id, error: message });
      throw new HttpError(400, `could not apply the SDP offer: ${message}`);
    }
  }

  /** The answer goes out once ICE gathering is done (2.9.0 does not trickle) and the scenario's delay is over. */
  private async publishAnswer(
    session: Session,
    peer: SessionPeer,
    generation: number,
    offerAt: number,
    sdpDelayMs: number,
  ): Promise<void> {
    const current = () =>
      generation === session.peerGeneration && isOpen(session);
    try {
      const sdp = await peer.gatheredAnswer(this.deps.timings.gatherTimeoutMs);
      const wait = offerAt + sdpDelayMs - Date.now();
      // On the session's timers, so closing the session cancels the wait.
      if (wait > 0 && current()) await session.timers.sleep(wait);
      if (!current()) return;
      session.answer = { status: "ready", sdp, at: Date.now() };
      this.deps.log("sdp.answer_ready", {
        session: session.id,
        after_ms: Date.now() - offerAt,
      });
    } catch (error) {
      if (generation !== session.peerGeneration) return;
      const message = error instanceof Error ? error.message : String(error);
      session.answer = { status: "failed", error: message };
      this.deps.log("sdp.answer_failed", {
        session: session.id,
        error: message,
      });
    }
  }

  private onConnectionState(
    session: Session,
    generation: number,
    state: string,
  ): void {
    if (generation !== session.peerGeneration || !isOpen(session)) return;
    this.deps.log("peer.state", { session: session.id, state });
    if (state === "connected" && session.connectedAt === undefined) {
      this.onConnected(session, generation);
    } else if (state === "failed" || state === "closed") {
      // The client's peer is gone (page closed, network lost, SDK reconnect() in progress).
      // Keep the session for a PUT; the reaper ends it after peerLostGraceMs.
      session.peerLostAt = Date.now();
      this.dropPeer(session);
    }
  }

  /** Media flows: start the liveness clock and the scenario's scheduled failures. */
  private onConnected(session: Session, generation: number): void {
    session.connectedAt = Date.now();
    session.lastLivenessAt = session.connectedAt;
    const { dieAfterMs, dropPeerAfterMs } = this.deps.scenario.current;
    if (dieAfterMs !== null) {
      session.timers.after(dieAfterMs, () =>
        this.close(session, "scenario_die_after"),
      );
    }
    // The first peer only, so the resumed stream stays up (see dropPeerAfterMs in ../scenario.ts).
    if (dropPeerAfterMs !== null && session.offers === 1) {
      session.timers.after(dropPeerAfterMs, () => {
        if (generation !== session.peerGeneration) return;
        this.deps.log("peer.dropped", { session: session.id });
        session.peerLostAt = Date.now();
        this.dropPeer(session);
      });
    }
  }

  private countWebcamPacket(session: Session): void {
    if (session.webcamPackets === 0) {
      this.deps.log("webcam.first_packet", { session: session.id });
    }
    session.webcamPackets += 1;
  }

  private dropPeer(session: Session): void {
    const peer = session.peer;
    session.peer = undefined;
    session.connectedAt = undefined;
    if (peer) this.peers.close(peer);
  }
}
