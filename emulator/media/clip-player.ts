import type { ClipLibrary } from "./clips";

// The emulated model's "video generator": replays pre-encoded VP8 clips at a
// steady frame rate and fans each frame out to every RTP output of a session.
// It owns the model's visible state (scene, paused, frame count), so commands
// and the periodic `state` message read and change one place, and a
// reconnect (new peer, same session) keeps the scene.
//
// Decoder rules it keeps:
// - every new output, PLI/FIR and scene switch starts at a keyframe;
// - the RTP timestamp advances one frame interval per tick, paused or not and
//   across clip loops, so the receiver's jitter buffer never sees time go back.

export interface VideoFrame {
  data: Buffer;
  keyframe: boolean;
  /** 90 kHz RTP timestamp (uint32, wraps). */
  timestamp: number;
}

export type FrameListener = (frame: VideoFrame) => void;

export interface PlayerSnapshot {
  scene: string;
  paused: boolean;
  /** Frames sent since the session's stream started. */
  frame: number;
}

export interface ClipPlayerOptions {
  fps?: number;
  /** Ignore keyframe requests this soon after sending one (Chrome may repeat PLI until it arrives). */
  keyframeCooldownMs?: number;
}

const RTP_VIDEO_CLOCK = 90_000;
const MAX_LAG_FRAMES = 5;

export class ClipPlayer {
  readonly fps: number;
  private readonly frameMs: number;
  private readonly keyframeCooldownMs: number;
  private scene: string;
  private position = 0;
  private paused = false;
  private ticks = 0;
  private framesSent = 0;
  private needKeyframe = true;
  private lastKeyframeSentAt = Number.NEGATIVE_INFINITY;
  private readonly listeners = new Set<FrameListener>();
  private timer: NodeJS.Timeout | undefined;
  private anchor = 0;
  private ticksSinceAnchor = 0;

  constructor(
    private readonly clips: ClipLibrary,
    options: ClipPlayerOptions = {},
  ) {
    this.fps = options.fps ?? 30;
    this.frameMs = 1000 / this.fps;
    this.keyframeCooldownMs = options.keyframeCooldownMs ?? 300;
    const first = clips.names[0];
    if (first === undefined) throw new Error("clip library is empty");
    this.scene = first;
  }

  get scenes(): readonly string[] {
    return this.clips.names;
  }

  snapshot(): PlayerSnapshot {
    return { scene: this.scene, paused: this.paused, frame: this.framesSent };
  }

  subscribe(listener: FrameListener): () => void {
    this.listeners.add(listener);
    // A new receiver has no reference frames yet.
    this.needKeyframe = true;
    this.lastKeyframeSentAt = Number.NEGATIVE_INFINITY;
    if (!this.timer) this.startLoop();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stopLoop();
    };
  }

  setScene(name: string): boolean {
    if (!this.clips.get(name)) return false;
    this.scene = name;
    this.position = 0; // frame 0 of every clip is a keyframe (checked at load)
    this.needKeyframe = false;
    return true;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
  }

  /** PLI/FIR: the receiver lost its reference; restart the current group of pictures. */
  requestKeyframe(): void {
    if (performance.now() - this.lastKeyframeSentAt < this.keyframeCooldownMs) {
      return;
    }
    this.needKeyframe = true;
  }

  stop(): void {
    this.listeners.clear();
    this.stopLoop();
  }

  private startLoop(): void {
    this.anchor = performance.now();
    this.ticksSinceAnchor = 0;
    this.timer = setTimeout(this.loop, 0);
  }

  private stopLoop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private readonly loop = (): void => {
    this.tick();
    this.ticksSinceAnchor += 1;
    let delay =
      this.anchor + this.ticksSinceAnchor * this.frameMs - performance.now();
    if (delay < -MAX_LAG_FRAMES * this.frameMs) {
      // The event loop stalled: re-anchor rather than burst a backlog of frames.
      this.anchor = performance.now();
      this.ticksSinceAnchor = 0;
      delay = 0;
    }
    this.timer = setTimeout(this.loop, Math.max(0, delay));
  };

  private tick(): void {
    const timestamp =
      Math.round((this.ticks * RTP_VIDEO_CLOCK) / this.fps) % 2 ** 32;
    this.ticks += 1;
    if (this.paused) return;
    const clip = this.clips.get(this.scene)!;
    if (this.needKeyframe) {
      while (this.position > 0 && !clip.frames[this.position]!.keyframe) {
        this.position -= 1;
      }
      this.needKeyframe = false;
    }
    const frame = clip.frames[this.position]!;
    if (frame.keyframe) this.lastKeyframeSentAt = performance.now();
    for (const listener of this.listeners) {
      listener({ data: frame.data, keyframe: frame.keyframe, timestamp });
    }
    this.framesSent += 1;
    this.position = (this.position + 1) % clip.frames.length;
  }
}
