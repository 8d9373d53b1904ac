import { randomInt } from "node:crypto";
import {
  RtpHeader,
  RtpPacket,
  type RtcpPacket,
  type RTCRtpSender,
} from "werift";
import type { ClipPlayer, VideoFrame } from "./clip-player";
import type { InboundTracks } from "./inbound-tracks";
import { packetizeVp8 } from "./vp8-packetizer";

// One outgoing video track (a `recvonly` entry of the client's track_mapping):
// turns the player's frames into paced RTP on a werift sender and turns the
// receiver's keyframe requests (PLI, FIR) back into a player keyframe.
// While the model relays a client track (InboundTracks.relaying), the
// client's own VP8 packets go out instead, renumbered, their timestamps
// shifted so the output's clock keeps rising across every source switch.

const RTCP_PSFB = 206;
const PSFB_PLI = 1;
const PSFB_FIR = 4;

/** True when an RTCP packet asks `ssrc` for a keyframe (PLI, RFC 4585; FIR, RFC 5104). */
export function isKeyframeRequest(packet: RtcpPacket, ssrc: number): boolean {
  if (packet.type !== RTCP_PSFB) return false;
  const feedback = (
    packet as {
      feedback?: {
        count?: number;
        mediaSsrc?: number;
        fir?: { ssrc: number }[];
      };
    }
  ).feedback;
  if (feedback?.count === PSFB_PLI) return feedback.mediaSsrc === ssrc;
  // werift routes FIR by sender SSRC (0 in FIR), so it never reaches the RTCRtpSender: match the FCI here.
  if (feedback?.count === PSFB_FIR) {
    return (feedback.fir ?? []).some((entry) => entry.ssrc === ssrc);
  }
  return false;
}

export class VideoOutput {
  packetsSent = 0;
  keyframeRequests = 0;
  private sequence = randomInt(0, 0x10000);
  private lastTimestamp = randomInt(0, 2 ** 31);
  private source: "player" | "relay" | null = null;
  private offset = 0;
  private started = false;
  private readonly disposers: (() => void)[] = [];

  constructor(
    private readonly sender: RTCRtpSender,
    private readonly player: ClipPlayer,
    private readonly inbound?: InboundTracks,
  ) {}

  /** Call once DTLS is up: werift drops RTP written before that. */
  start(): void {
    // ICE can flap connected → disconnected → connected; subscribe once.
    if (this.started) return;
    this.started = true;
    const rtcp = this.sender.dtlsTransport.onRtcp.subscribe((packet) => {
      if (isKeyframeRequest(packet, this.sender.ssrc)) {
        this.keyframeRequests += 1;
        if (this.inbound?.relaying) this.inbound.requestKeyframe();
        else this.player.requestKeyframe();
      }
    });
    this.disposers.push(
      rtcp.unSubscribe,
      this.player.subscribe((frame) => {
        if (!this.inbound?.relaying) this.send(frame);
      }),
    );
    if (this.inbound) {
      const unsubscribe = this.inbound.subscribe((packet) =>
        this.write(
          "relay",
          packet.header.timestamp,
          packet.header.marker,
          packet.payload,
        ),
      );
      this.disposers.push(() => void unsubscribe());
    }
  }

  stop(): void {
    for (const dispose of this.disposers.splice(0)) dispose();
  }

  private send(frame: VideoFrame): void {
    const payloads = packetizeVp8(frame.data);
    payloads.forEach((payload, index) =>
      this.write(
        "player",
        frame.timestamp,
        index === payloads.length - 1,
        payload,
      ),
    );
  }

  private write(
    source: "player" | "relay",
    timestamp: number,
    marker: boolean,
    payload: Buffer,
  ): void {
    if (source !== this.source) {
      // New source: continue one frame (at 30 fps) after the last timestamp sent.
      this.source = source;
      this.offset = this.lastTimestamp + 3_000 - timestamp;
    }
    this.lastTimestamp = (timestamp + this.offset) >>> 0;
    // werift fills in SSRC, the negotiated payload type and its own header extensions.
    const header = new RtpHeader({
      sequenceNumber: this.sequence,
      timestamp: this.lastTimestamp,
      marker,
    });
    this.sequence = (this.sequence + 1) & 0xffff;
    this.packetsSent += 1;
    this.sender.sendRtp(new RtpPacket(header, payload)).catch(() => {
      // A packet racing a closing transport is not worth a log line.
    });
  }
}
