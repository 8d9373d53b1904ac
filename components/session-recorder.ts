import {
  MAX_ERRORS,
  MAX_STATUSES,
  type ErrorEntry,
  type StatusEntry,
} from "@/lib/diagnostics";

/**
 * What happened during this page's sessions, for the diagnostics panel: a
 * plain object outside React state, written from effects and click handlers
 * and read through useSyncExternalStore. Holds no token: only statuses,
 * error codes and messages, candidate types and timings.
 */
export class SessionRecorder {
  statusHistory: StatusEntry[] = [];
  errors: ErrorEntry[] = [];
  candidateTypes: string[] = [];
  timeToFirstFrameMs: number | undefined;
  /** Changes on every write, so subscribers re-render. */
  version = 0;
  private listeners = new Set<() => void>();

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = () => this.version;

  status(status: string, at: number) {
    this.statusHistory = [...this.statusHistory, { status, at }].slice(
      -MAX_STATUSES,
    );
    this.changed();
  }

  error(entry: ErrorEntry) {
    this.errors = [...this.errors, entry].slice(-MAX_ERRORS);
    this.changed();
  }

  candidate(type: string) {
    if (this.candidateTypes.includes(type)) return;
    this.candidateTypes = [...this.candidateTypes, type];
    this.changed();
  }

  firstFrame(ms: number | undefined) {
    this.timeToFirstFrameMs = ms;
    this.changed();
  }

  private changed() {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
