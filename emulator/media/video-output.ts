import { randomInt } from "node:crypto";
import {
  RtpHeader,
  RtpPacket,
  type RtcpPacket,
  type RTCRtpSender,
} from "werift";
import type { ClipPlayer, VideoFrame } from "./clip-player";
import { packetizeVp8 } from "./vp8-packetizer";

// One outgoing video track (a `recvonly` entry of the client's track_mapping):
// turns the player's frames into paced RTP on a werift sender and turns the
// receiver's keyframe requests (PLI, FIR) back into a player keyframe.

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
  if (feedback?.count === PSFB_FIR)
    return (feedback.fir ?? []).some((entry) => entry.ssrc === ssrc);
  return false;
}

export class VideoOutput {
  packetsSent = 0;
  keyframeRequests = 0;
  private sequence = randomInt(0, 0x10000);
  private started = false;
  private readonly disposers: (() => void)[] = [];

  constructor(
    private readonly sender: RTCRtpSender,
    private readonly player: ClipPlayer,
  ) {}

  /** Call once DTLS is up: werift drops RTP written before that. */
  start(): void {
    // ICE can flap connected → disconnected → connected; subscribe once.
    if (this.started) return;
    this.started = true;
    const rtcp = this.sender.dtlsTransport.onRtcp.subscribe((packet) => {
      if (isKeyframeRequest(packet, this.sender.ssrc)) {
        this.keyframeRequests += 1;
        this.player.requestKeyframe();
      }
    });
    this.disposers.push(
      rtcp.unSubscribe,
      this.player.subscribe((frame) => this.send(frame)),
    );
  }

  stop(): void {
    for (const dispose of this.disposers.splice(0)) dispose();
  }

  private send(frame: VideoFrame): void {
    const payloads = packetizeVp8(frame.data);
    payloads.forEach((payload, index) => {
      // werift fills in SSRC and the negotiated payload type.
      const header = new RtpHeader({
        sequenceNumber: this.sequence,
        timestamp: frame.timestamp,
        marker: index === payloads.length - 1,
      });
      this.sequence = (this.sequence + 1) & 0xffff;
      this.packetsSent += 1;
      this.sender.sendRtp(new RtpPacket(header, payload)).catch(() => {
        // A packet racing a closing transport is not worth a log line.
      });
    });
  }
}
