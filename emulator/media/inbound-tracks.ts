import type { RtpPacket } from "werift";

// What the client publishes to a session (its `sendonly` tracks: camera,
// microphone): RTP packets counted per track name for the admin state, and,
// when the model says so, one video track relayed to the session's video
// outputs (XMAX X2 echoes its `source` camera into `main_video`).
// Session-scoped, like the clip player: a reconnect's new peer feeds the
// same counters.

export type RelayListener = (packet: RtpPacket) => void;

export class InboundTracks {
  /** RTP packets received per track name. */
  readonly packets: Record<string, number> = {};
  private readonly lastAt = new Map<string, number>();
  private readonly listeners = new Set<RelayListener>();
  private readonly keyframeAskers = new Map<string, () => void>();
  private relayed: string | null = null;

  receive(name: string, packet: RtpPacket): void {
    this.packets[name] = (this.packets[name] ?? 0) + 1;
    this.lastAt.set(name, Date.now());
    if (name !== this.relayed) return;
    for (const listener of this.listeners) listener(packet);
  }

  /** True when `name` delivered a packet within `withinMs`. */
  flowing(name: string, withinMs = 1_000): boolean {
    const at = this.lastAt.get(name);
    return at !== undefined && Date.now() - at <= withinMs;
  }

  /** The track whose packets go to the video outputs instead of the clip player; null for none. */
  get relaying(): string | null {
    return this.relayed;
  }

  relay(name: string | null): void {
    if (name === this.relayed) return;
    this.relayed = name;
    // The outputs' viewers have no reference frame from this source yet.
    if (name !== null) this.requestKeyframe();
  }

  subscribe(listener: RelayListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The peer registers how to ask the client for a keyframe (RTCP PLI) on `name`. */
  onKeyframeRequest(name: string, ask: () => void): () => void {
    this.keyframeAskers.set(name, ask);
    return () => {
      if (this.keyframeAskers.get(name) === ask) {
        this.keyframeAskers.delete(name);
      }
    };
  }

  /** A viewer lost its reference frame: forward the request to the relayed track's sender. */
  requestKeyframe(): void {
    if (this.relayed !== null) this.keyframeAskers.get(this.relayed)?.();
  }
}
