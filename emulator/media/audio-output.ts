import { randomInt } from "node:crypto";
import { RtpHeader, RtpPacket, type RTCRtpSender } from "werift";
import type { OpusPacket } from "./ogg-opus";

// One outgoing audio track (a `recvonly` audio entry of the client's
// track_mapping): loops a pre-encoded Opus clip as paced RTP, one packet per
// Opus packet, while `playing()` says so. The RTP timestamp keeps rising across loops
// and pauses, so the receiver's jitter buffer never sees time go back.

const OPUS_CLOCK = 48_000;

export class AudioOutput {
  packetsSent = 0;
  private sequence = randomInt(0, 0x10000);
  private timestamp = randomInt(0, 2 ** 31);
  private position = 0;
  private timer: NodeJS.Timeout | undefined;
  private anchor = 0;
  private elapsedSamples = 0;

  constructor(
    private readonly sender: RTCRtpSender,
    private readonly clip: readonly OpusPacket[],
    private readonly playing: () => boolean,
  ) {
    if (clip.length === 0) throw new Error("audio clip has no packets");
  }

  /** Call once DTLS is up: werift drops RTP written before that. */
  start(): void {
    if (this.timer) return;
    this.anchor = performance.now();
    this.elapsedSamples = 0;
    this.loop();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private readonly loop = (): void => {
    const packet = this.clip[this.position]!;
    if (this.playing()) this.send(packet);
    this.position = (this.position + 1) % this.clip.length;
    this.timestamp = (this.timestamp + packet.samples) % 2 ** 32;
    this.elapsedSamples += packet.samples;
    const due = this.anchor + (this.elapsedSamples * 1000) / OPUS_CLOCK;
    this.timer = setTimeout(this.loop, Math.max(0, due - performance.now()));
  };

  private send(packet: OpusPacket): void {
    const header = new RtpHeader({
      sequenceNumber: this.sequence,
      timestamp: this.timestamp,
      marker: false,
    });
    this.sequence = (this.sequence + 1) & 0xffff;
    this.packetsSent += 1;
    this.sender.sendRtp(new RtpPacket(header, packet.data)).catch(() => {
      // A packet racing a closing transport is not worth a log line.
    });
  }
}
