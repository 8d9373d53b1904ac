import { randomUUID } from "node:crypto";
import { HttpError } from "../http/errors";
import type { Logger } from "../log";
import { ClipPlayer } from "../media/clip-player";
import { InboundTracks } from "../media/inbound-tracks";
import type { ClipLibrary } from "../media/clips";
import { serveDataChannel } from "../model/data-channel";
import { ModelHost } from "../model/model-host";
import { profileFor } from "../model/profiles/registry";
import type { Timings } from "../options";
import type { ScenarioHolder } from "../scenario";
import { SessionPeer } from "../webrtc/peer";
import type { TrackMappingEntry } from "../webrtc/track-mapping";
import { isOpen, stateOf, type Session, type SessionOwner } from "./session";
import type { SessionStore } from "./store";

// Session lifecycle: creation under the capacity and token limits, the SDP
// offer/answer exchange, media connect, and every way a session ends. HTTP
// routes and the reaper call into this; it never touches HTTP itself except
// for the HttpErrors that carry the status a client should see.

export interface ManagerDeps {
  store: SessionStore;
  scenario: ScenarioHolder;
  clips: ClipLibrary;
  log: Logger;
  timings: Timings;
  iceAdditionalHostAddresses?: string[];
}

export interface CreateInput {
  model: string;
  mode: "cloud" | "local";
  owner: SessionOwner;
  maxSessions?: number | null;
  maxSessionSeconds?: number | null;
}

/** Retry-After for a full emulator: about how long the reaper needs to free an orphan. */
const CAPACITY_RETRY_AFTER_SECONDS = "10";

export class SessionManager {
  /** Sessions each scoped token has created, for `max_sessions` (closed ones count too). */
  private readonly perToken = new Map<string, number>();
  private readonly pendingPeerCloses = new Map<NodeJS.Timeout, SessionPeer>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly peerCloses = new Set<Promise<void>>();

  constructor(private readonly deps: ManagerDeps) {}

  create(input: CreateInput): Session {
    const { store, scenario, timings, log } = this.deps;
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
    if (store.open().length >= cap) {
      log("session.rejected", {
        reason: "capacity",
        open: store.open().length,
        cap,
      });
      throw new HttpError(
        429,
        cap === 0
          ? "no GPU capacity available, try again later"
          : `concurrent session limit reached (${cap})`,
        { "Retry-After": CAPACITY_RETRY_AFTER_SECONDS },
      );
    }
    if (input.owner.kind === "token") {
      this.perToken.set(
        input.owner.jti,
        (this.perToken.get(input.owner.jti) ?? 0) + 1,
      );
    }
    const now = Date.now();
    const gpuReadyAt = now + scenario.current.gpuDelayMs;
    // Local mode answers start_session with the full body at once: no WAITING step.
    const readyAt =
      gpuReadyAt + (input.mode === "local" ? 0 : timings.startupMs);
    const capMs = Math.min(
      timings.maxSessionMs,
      (input.maxSessionSeconds ?? Infinity) * 1000,
    );
    const player = new ClipPlayer(this.deps.clips);
    const inbound = new InboundTracks();
    const uploads: Session["uploads"] = [];
    const session: Session = {
      id: randomUUID(),
      model: input.model,
      mode: input.mode,
      owner: input.owner,
      createdAt: now,
      gpuReadyAt,
      readyAt,
      deadlineAt: now + capMs,
      player,
      inbound,
      host: new ModelHost(profileFor(input.model), {
        player,
        inbound,
        uploads,
        scenario: () => scenario.current,
      }),
      peerGeneration: 0,
      answer: { status: "none" },
      offers: 0,
      webcamPackets: 0,
      commands: 0,
      uploads,
      timers: new Set(),
    };
    store.add(session);
    this.after(session, readyAt - now, () =>
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
    const state = stateOf(session);
    if (state === "CLOSED") throw new HttpError(409, "session is CLOSED");
    if (state !== "ACTIVE") {
      throw new HttpError(
        409,
        `session is not ready (state ${state}); poll GET /sessions/{id} until capabilities appear`,
      );
    }
    if (!replace && session.peer)
      throw new HttpError(
        409,
        "an SDP offer was already accepted; PUT replaces the peer",
      );
    // werift accepts almost any text as an offer; catch the obvious mistakes with a useful message.
    if (!/^v=0\r?\n/.test(sdp) || !/\r?\nm=/.test(sdp)) {
      throw new HttpError(
        400,
        "could not apply the SDP offer: not an SDP offer with media sections",
      );
    }
    const generation = ++session.peerGeneration;
    const offerAt = Date.now();
    this.dropPeer(session);
    session.answer = { status: "pending" };
    session.offers += 1;
    session.lastOfferAt = offerAt;
    session.peerLostAt = undefined;
    session.connectedAt = undefined;
    const sdpDelayMs = this.deps.scenario.current.sdpDelayMs;
    this.deps.log("sdp.offer", {
      session: session.id,
      method: replace ? "PUT" : "POST",
      tracks: mapping.length,
    });

    let peer: SessionPeer;
    try {
      peer = await SessionPeer.answer(sdp, mapping, {
        sessionId: session.id,
        player: session.player,
        audio: this.deps.clips.audio,
        inbound: session.inbound,
        log: this.deps.log,
        additionalHostAddresses: this.deps.iceAdditionalHostAddresses,
        onConnectionState: (connectionState) =>
          this.onConnectionState(session, generation, connectionState),
        onDataChannel: (channel, owner) => {
          if (generation !== session.peerGeneration) return;
          session.lastLivenessAt = Date.now();
          const stopServing = serveDataChannel(channel, {
            host: session.host,
            log: this.deps.log,
            sessionId: session.id,
            stateIntervalMs: this.deps.timings.stateIntervalMs,
            hooks: {
              onLiveness: () => (session.lastLivenessAt = Date.now()),
              onCommand: () => (session.commands += 1),
              onFileUploaded: (notice) => {
                const upload = session.uploads.find(
                  (candidate) => candidate.id === notice.upload_id,
                );
                if (upload) upload.notified = true;
                this.deps.log("upload.notified", {
                  session: session.id,
                  upload: notice.upload_id,
                  known: !!upload,
                });
              },
            },
          });
          owner.onClose(stopServing);
          channel.stateChanged.subscribe((dcState) => {
            if (dcState === "open")
              this.deps.log("datachannel.open", { session: session.id });
          });
        },
        onWebcamPacket: () => {
          if (session.webcamPackets === 0)
            this.deps.log("webcam.first_packet", { session: session.id });
          session.webcamPackets += 1;
        },
      });
    } catch (error) {
      const message = (error as Error).message;
      if (generation === session.peerGeneration)
        session.answer = { status: "failed", error: message };
      this.deps.log("sdp.offer_rejected", {
        session: session.id,
        error: message,
      });
      throw new HttpError(400, `could not apply the SDP offer: ${message}`);
    }
    if (generation !== session.peerGeneration || !isOpen(session)) {
      this.closePeer(peer);
      return;
    }
    session.peer = peer;
    void this.publishAnswer(session, peer, generation, offerAt, sdpDelayMs);
  }

  close(session: Session, reason: string, peerCloseDelayMs = 0): void {
    if (!isOpen(session)) return;
    session.closedAt = Date.now();
    session.closeReason = reason;
    for (const timer of session.timers) clearTimeout(timer);
    session.timers.clear();
    session.player.stop();
    const peer = session.peer;
    session.peer = undefined;
    if (peer) {
      if (peerCloseDelayMs > 0) {
        const timer = setTimeout(() => {
          this.pendingPeerCloses.delete(timer);
          this.closePeer(peer);
        }, peerCloseDelayMs);
        this.pendingPeerCloses.set(timer, peer);
      } else {
        this.closePeer(peer);
      }
    }
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
    for (const [timer, peer] of this.pendingPeerCloses) {
      clearTimeout(timer);
      this.closePeer(peer);
    }
    this.pendingPeerCloses.clear();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.peerCloses]);
  }

  resetCounters(): void {
    this.perToken.clear();
  }

  private async publishAnswer(
    session: Session,
    peer: SessionPeer,
    generation: number,
    offerAt: number,
    sdpDelayMs: number,
  ): Promise<void> {
    try {
      const sdp = await peer.gatheredAnswer(this.deps.timings.gatherTimeoutMs);
      const wait = offerAt + sdpDelayMs - Date.now();
      if (wait > 0) await this.sleep(wait);
      if (generation !== session.peerGeneration || !isOpen(session)) return;
      session.answer = { status: "ready", sdp, at: Date.now() };
      this.deps.log("sdp.answer_ready", {
        session: session.id,
        after_ms: Date.now() - offerAt,
      });
    } catch (error) {
      if (generation !== session.peerGeneration) return;
      session.answer = { status: "failed", error: (error as Error).message };
      this.deps.log("sdp.answer_failed", {
        session: session.id,
        error: (error as Error).message,
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
      session.connectedAt = Date.now();
      session.lastLivenessAt = session.connectedAt;
      const dieAfterMs = this.deps.scenario.current.dieAfterMs;
      if (dieAfterMs !== null) {
        this.after(session, dieAfterMs, () =>
          this.close(session, "scenario_die_after"),
        );
      }
      const dropPeerAfterMs = this.deps.scenario.current.dropPeerAfterMs;
      if (dropPeerAfterMs !== null && session.offers === 1) {
        this.after(session, dropPeerAfterMs, () => {
          if (generation !== session.peerGeneration) return;
          this.deps.log("peer.dropped", { session: session.id });
          session.peerLostAt = Date.now();
          this.dropPeer(session);
        });
      }
    } else if (state === "failed" || state === "closed") {
      // The client's peer is gone (page closed, network lost, SDK reconnect() in progress).
      // Keep the session for a PUT; the reaper ends it after peerLostGraceMs.
      session.peerLostAt = Date.now();
      this.dropPeer(session);
    }
  }

  private dropPeer(session: Session): void {
    const peer = session.peer;
    session.peer = undefined;
    session.connectedAt = undefined;
    if (peer) this.closePeer(peer);
  }

  private closePeer(peer: SessionPeer): void {
    const closing = peer.close().finally(() => this.peerCloses.delete(closing));
    this.peerCloses.add(closing);
  }

  private after(session: Session, ms: number, run: () => void): void {
    const timer = setTimeout(
      () => {
        session.timers.delete(timer);
        run();
      },
      Math.max(0, ms),
    );
    session.timers.add(timer);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }
}
