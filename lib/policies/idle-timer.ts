/**
 * The idle policy's clock, free of React and the DOM so tests drive it with
 * fake timers. Watching: after `idleMs` without activity() it warns; the
 * warning lasts `countdownMs`, then it expires. activity() during the warning
 * goes back to watching.
 *
 * Activity only records a timestamp (pointermove fires at frame rate); the
 * single timer re-arms itself from that timestamp when it fires early.
 */
export type IdleState =
  { phase: "watching" } | { phase: "warning"; endsAt: number };

export interface IdleTimerOptions {
  idleMs: number;
  countdownMs: number;
  onChange: (state: IdleState) => void;
  onExpire: () => void;
  now?: () => number;
}

export class IdleTimer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastActivityAt = 0;
  private warningEndsAt: number | undefined;
  private running = false;
  private readonly now: () => number;

  constructor(private readonly options: IdleTimerOptions) {
    this.now = options.now ?? Date.now;
  }

  start(): void {
    this.stop();
    this.running = true;
    this.lastActivityAt = this.now();
    this.arm(this.options.idleMs);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.running = false;
    this.warningEndsAt = undefined;
  }

  activity(): void {
    if (!this.running) return;
    this.lastActivityAt = this.now();
    if (this.warningEndsAt === undefined) return;
    this.warningEndsAt = undefined;
    this.arm(this.options.idleMs);
    this.options.onChange({ phase: "watching" });
  }

  private arm(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.check(), Math.max(0, ms));
  }

  private check(): void {
    const now = this.now();
    if (this.warningEndsAt === undefined) {
      const due = this.lastActivityAt + this.options.idleMs;
      if (now < due) return this.arm(due - now);
      this.warningEndsAt = now + this.options.countdownMs;
      this.arm(this.options.countdownMs);
      this.options.onChange({ phase: "warning", endsAt: this.warningEndsAt });
      return;
    }
    if (now < this.warningEndsAt) return this.arm(this.warningEndsAt - now);
    this.stop();
    this.options.onExpire();
  }
}
