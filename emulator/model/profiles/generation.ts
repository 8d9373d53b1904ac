import type { ClipPlayer } from "../../media/clip-player";
import { clipForPrompt } from "./prompt-clip";

// The life cycle the generative profiles share (docs/reactor-contract.md,
// "Models"): silent until `start` (the video track is negotiated but carries
// no frames, as on Reactor), then one chunk of frames after another until
// `pause` or `reset`. Chunks are counted from the frames actually sent, so
// `chunk_complete` matches what the client received.

export class Generation {
  started = false;
  running = false;
  paused = false;
  prompt = "";
  private startFrame = 0;
  private reported = 0;

  constructor(
    private readonly player: ClipPlayer,
    private readonly framesPerChunk: number,
  ) {
    player.pause();
  }

  get chunk(): number {
    return this.started ? Math.floor(this.frames / this.framesPerChunk) : 0;
  }

  /** Frames generated since `start`. */
  get frames(): number {
    return this.started ? this.player.snapshot().frame - this.startFrame : 0;
  }

  start(): void {
    this.started = true;
    this.startFrame = this.player.snapshot().frame;
    this.reported = 0;
    this.showPrompt();
    this.setRunning(true);
  }

  /** False (and nothing changes) unless generating. */
  pause(): boolean {
    return this.running && this.setRunning(false);
  }

  /** False (and nothing changes) unless paused. */
  resume(): boolean {
    return this.paused && this.setRunning(true);
  }

  reset(): void {
    this.started = this.running = this.paused = false;
    this.prompt = "";
    this.player.pause();
  }

  /** A new prompt shows at once while generating (the real models switch at the next chunk). */
  setPrompt(prompt: string): void {
    this.prompt = prompt;
    if (this.running) this.showPrompt();
  }

  /** A `chunk_complete` body for each chunk completed since the last call. */
  chunksCompleted(): {
    chunk_index: number;
    frames_emitted: number;
    active_prompt: string;
  }[] {
    const done = [];
    while (this.started && this.reported < this.chunk) {
      done.push({
        chunk_index: this.reported++,
        frames_emitted: this.frames,
        active_prompt: this.prompt,
      });
    }
    return done;
  }

  private setRunning(running: boolean): true {
    this.running = running;
    this.paused = !running;
    if (running) {
      this.player.resume();
    } else {
      this.player.pause();
    }
    return true;
  }

  private showPrompt(): void {
    const { scene } = this.player.snapshot();
    this.player.setScene(clipForPrompt(this.prompt, this.player.scenes, scene));
  }
}
