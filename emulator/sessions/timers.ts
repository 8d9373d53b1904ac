// The timers one owner (a session) schedules, kept in one place so that
// ending the owner cancels every one of them: a closed session must not log,
// close or publish anything later.

export class Timers {
  private readonly pending = new Set<NodeJS.Timeout>();

  /** Runs `run` once after `ms` (at once for a negative wait) unless `clear()` comes first. */
  after(ms: number, run: () => void): void {
    const timer = setTimeout(
      () => {
        this.pending.delete(timer);
        run();
      },
      Math.max(0, ms),
    );
    this.pending.add(timer);
  }

  /** Resolves after `ms`; never resolves if `clear()` comes first. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.after(ms, resolve));
  }

  clear(): void {
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
  }
}
