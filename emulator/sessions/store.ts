import { isOpen, type Session } from "./session";

// All sessions by id, open and recently closed (kept so GET answers CLOSED
// rather than 404 and the admin state shows how each one ended).
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  createdCount = 0;

  constructor(private readonly closedRetention = 500) {}

  add(session: Session): void {
    this.sessions.set(session.id, session);
    this.createdCount += 1;
  }

  get(id: string): Session | undefined {
    return this.sessions.get(id);
  }

  all(): Session[] {
    return [...this.sessions.values()];
  }

  open(): Session[] {
    return this.all().filter(isOpen);
  }

  /** Drop the oldest closed sessions beyond the retention limit. */
  prune(): void {
    const closed = this.all().filter((session) => !isOpen(session));
    for (const session of closed.slice(
      0,
      Math.max(0, closed.length - this.closedRetention),
    )) {
      this.sessions.delete(session.id);
    }
  }

  clear(): void {
    this.sessions.clear();
    this.createdCount = 0;
  }
}
