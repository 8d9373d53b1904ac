import {
  RTCPeerConnection,
  RTCRtpCodecParameters,
  type RTCDataChannel,
  type RTCRtpTransceiver,
} from "werift";
import type { Logger } from "../log";
import { AudioOutput } from "../media/audio-output";
import type { ClipPlayer } from "../media/clip-player";
import type { InboundTracks } from "../media/inbound-tracks";
import type { OpusPacket } from "../media/ogg-opus";
import { VideoOutput } from "../media/video-output";
import type { TrackMappingEntry } from "./track-mapping";

// One werift peer per session (and per PUT renegotiation). The SDK is the
// offerer; we answer. Choices that make the unmodified SDK 2.9.0 in Chromium
// connect (measured against Chromium; docs/reactor-contract.md, "WebRTC signalling"):
// - iceServers [] : werift otherwise gathers against Google's public STUN.
// - SCTP max-message-size 262144: werift advertises 64 KiB by default and the
//   SDK would adopt that as its outgoing limit instead of its own 256 KiB.
// - no server-created data channel: the SDK adopts any remote channel in
//   place of its own `data` channel.
// - the answer is read only after ICE gathering completes: 2.9.0 does not
//   trickle, so the answer must carry our candidates.
// - Chrome's mDNS (.local) host candidates are unresolvable here; werift
//   learns Chrome's real address as a peer-reflexive candidate from its checks.
// - Chrome offers many codecs (PTs < 96, H.265, telephone-event …); werift
//   keeps only what we configure: VP8 and Opus.
// - model audio (a `recvonly` audio track) is a looped Opus clip that plays
//   while the clip player does, so a model's sound and picture start and
//   stop together.

const SCTP_MAX_MESSAGE_SIZE = 262_144;

export interface PeerOptions {
  sessionId: string;
  player: ClipPlayer;
  /** The session's Opus clip for `recvonly` audio tracks; without it they are answered inactive. */
  audio?: readonly OpusPacket[];
  /** Where the client's `sendonly` tracks' packets go. */
  inbound: InboundTracks;
  log: Logger;
  /** Extra host-candidate addresses, e.g. 127.0.0.1 for a Node client on a box without a LAN interface. */
  additionalHostAddresses?: string[];
  onConnectionState(state: string): void;
  /** The client's `data` channel; `peer` is the one it belongs to (for cleanup on close). */
  onDataChannel(channel: RTCDataChannel, peer: SessionPeer): void;
  /** Any packet on any client track (the admin state's `webcamPackets`). */
  onWebcamPacket(): void;
}

const vp8 = () =>
  new RTCRtpCodecParameters({
    mimeType: "video/VP8",
    clockRate: 90_000,
    rtcpFeedback: [
      { type: "nack" },
      { type: "nack", parameter: "pli" },
      { type: "ccm", parameter: "fir" },
    ],
  });

const opus = () =>
  new RTCRtpCodecParameters({
    mimeType: "audio/opus",
    clockRate: 48_000,
    channels: 2,
  });

export class SessionPeer {
  private readonly outputs: (VideoOutput | AudioOutput)[] = [];
  private readonly disposers: (() => void)[] = [];
  private closed = false;

  private constructor(
    private readonly pc: RTCPeerConnection,
    private readonly options: PeerOptions,
  ) {}

  /** Applies the offer and creates the answer; candidates are still being gathered when this resolves. */
  static async answer(
    offerSdp: string,
    mapping: TrackMappingEntry[],
    options: PeerOptions,
  ): Promise<SessionPeer> {
    const pc = new RTCPeerConnection({
      iceServers: [],
      maxMessageSize: SCTP_MAX_MESSAGE_SIZE,
      codecs: { video: [vp8()], audio: [opus()] },
      iceAdditionalHostAddresses: options.additionalHostAddresses,
    });
    const peer = new SessionPeer(pc, options);
    // Fires during setRemoteDescription, before werift wires receivers: the moment to pick directions.
    pc.onRemoteTransceiverAdded.subscribe((transceiver) =>
      peer.configure(transceiver, mapping),
    );
    pc.onDataChannel.subscribe((channel) => {
      if (channel.label === "data") {
        options.onDataChannel(channel, peer);
        return;
      }
      options.log("datachannel.ignored", {
        session: options.sessionId,
        label: channel.label,
      });
    });
    pc.connectionStateChange.subscribe((state) => {
      if (state === "connected") peer.startOutputs();
      options.onConnectionState(state);
    });
    try {
      await pc.setRemoteDescription({ type: "offer", sdp: offerSdp });
      await pc.setLocalDescription(await pc.createAnswer());
    } catch (error) {
      await pc.close().catch(() => {});
      throw error;
    }
    return peer;
  }

  /** The answer SDP once ICE gathering is complete (or after `timeoutMs`, with what we have). */
  async gatheredAnswer(timeoutMs = 5_000): Promise<string> {
    if (this.pc.iceGatheringState !== "complete") {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, timeoutMs);
        const subscription = this.pc.iceGatheringStateChange.subscribe(
          (state) => {
            if (state === "complete") done();
          },
        );
        function done() {
          clearTimeout(timer);
          subscription.unSubscribe();
          resolve();
        }
      });
    }
    const sdp = this.pc.localDescription?.sdp;
    if (!sdp) throw new Error("peer has no local description");
    return sdp;
  }

  get connectionState(): string {
    return this.pc.connectionState;
  }

  get packetsSent(): number {
    return this.outputs.reduce((sum, output) => sum + output.packetsSent, 0);
  }

  get keyframeRequests(): number {
    return this.outputs.reduce(
      (sum, output) =>
        sum + (output instanceof VideoOutput ? output.keyframeRequests : 0),
      0,
    );
  }

  /** Run `dispose` when this peer closes (e.g. the data channel's state timer). */
  onClose(dispose: () => void): void {
    if (this.closed) dispose();
    else this.disposers.push(dispose);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const output of this.outputs) output.stop();
    for (const dispose of this.disposers.splice(0)) dispose();
    // werift's close() stops DTLS before SCTP, so its SCTP ABORT never leaves and the
    // client only notices by timeout. Abort SCTP first: the client's `data` channel
    // closes at once; ICE then stops answering and Chromium drops the connection.
    await this.pc.sctpTransport?.stop().catch(() => {});
    await this.pc.close().catch(() => {});
  }

  private configure(
    transceiver: RTCRtpTransceiver,
    mapping: TrackMappingEntry[],
  ): void {
    const entry = mapping.find(
      (candidate) => candidate.mid === transceiver.mid,
    );
    const { log, sessionId, player, audio, inbound } = this.options;
    const unusable =
      !entry ||
      entry.kind !== transceiver.kind ||
      (entry.kind === "audio" && entry.direction === "recvonly" && !audio);
    if (unusable) {
      // Not ours to fill (unmapped, or model audio with no clip): answer inactive.
      transceiver.setDirection("inactive");
      log("track.inactive", {
        session: sessionId,
        mid: transceiver.mid,
        name: entry?.name,
      });
      return;
    }
    if (entry.direction === "recvonly") {
      transceiver.setDirection("sendonly");
      this.outputs.push(
        entry.kind === "video"
          ? new VideoOutput(transceiver.sender, player, inbound)
          : new AudioOutput(
              transceiver.sender,
              audio!,
              () => !player.snapshot().paused,
            ),
      );
    } else {
      transceiver.setDirection("recvonly");
      transceiver.onTrack.subscribe((track) => {
        track.onReceiveRtp.subscribe((packet) => {
          inbound.receive(entry.name, packet);
          this.options.onWebcamPacket();
        });
        if (track.kind === "video") {
          this.disposers.push(
            inbound.onKeyframeRequest(entry.name, () => {
              if (track.ssrc !== undefined) {
                void transceiver.receiver.sendRtcpPLI(track.ssrc);
              }
            }),
          );
        }
      });
    }
    log("track.mapped", {
      session: sessionId,
      mid: transceiver.mid,
      name: entry.name,
      direction: entry.direction,
    });
  }

  private startOutputs(): void {
    if (this.closed) return;
    for (const output of this.outputs) output.start();
  }
}
