import type {
  TabChannel,
  TabMessage,
} from "@/lib/tab-coordination/tab-channel";

/**
 * One live session per browser profile. Reactor allows 5 concurrent sessions
 * per account and bills each one, and a second tab of the same app would
 * otherwise silently hold a second slot.
 *
 * Protocol on the tab bus: a tab says `live` while it holds a session
 * (connecting, live or resumable) and `free` when the session is gone or the
 * page is hidden for good (pagehide). A new tab says `hello`, and live tabs
 * answer `live`. "Take over here" sends `release`: the live tab ends its
 * session (DELETE) and only then says `free`, so the new session is created
 * after the old one is closed and the account never holds two.
 *
 * Two tabs can still go live at once, each before the other's `live`
 * arrives (the bus takes a task or two). `live` carries when the tab went
 * live, and a live tab that hears of one that went live earlier (the lower
 * id on a tie) ends its own session, so exactly one of the two is left.
 */
export interface TabPresenceOptions {
  /** Unique per tab. */
  id: string;
  /** Another tab started or stopped holding a session. */
  onChange: (otherLive: boolean) => void;
  /** Another tab wants the session: end ours (setLive(false) follows). */
  onRelease: () => void;
  /** A live tab that never answers (frozen, crashed) is presumed gone after this. */
  takeOverTimeoutMs?: number;
}

export class TabPresence {
  private readonly others = new Set<string>();
  private live = false;
  private liveSince = 0;
  private readonly waiters = new Set<() => void>();
  private readonly unlisten: () => void;

  constructor(
    private readonly channel: TabChannel | undefined,
    private readonly options: TabPresenceOptions,
  ) {
    this.unlisten = channel?.listen((message) => this.receive(message)) ?? noop;
    this.post("hello");
  }

  get otherLive(): boolean {
    return this.others.size > 0;
  }

  setLive(live: boolean): void {
    if (live === this.live) return;
    this.live = live;
    if (live) this.liveSince = Date.now();
    this.post(live ? "live" : "free");
  }

  /** Ask live tabs to end their sessions; resolves once they have (or timed out). */
  takeOver(): Promise<void> {
    if (!this.otherLive) return Promise.resolve();
    this.post("release");
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(() => {
        this.others.clear();
        this.options.onChange(false);
        done();
      }, this.options.takeOverTimeoutMs ?? 5_000);
      this.waiters.add(done);
    });
  }

  /** The page is going away: free the slot for the other tabs at once. */
  dispose(): void {
    this.setLive(false);
    this.unlisten();
    this.channel?.close();
    for (const done of [...this.waiters]) done();
  }

  private receive(message: TabMessage): void {
    if (message.from === this.options.id) return;
    switch (message.type) {
      case "hello":
        if (this.live) this.post("live");
        return;
      case "live":
        if (this.others.has(message.from)) return;
        this.others.add(message.from);
        this.options.onChange(true);
        // Once per tab heard of: it answers every `hello` with `live` again.
        if (this.live && this.wentLiveAfter(message)) this.options.onRelease();
        return;
      case "free":
        if (!this.others.delete(message.from)) return;
        if (!this.otherLive) {
          this.options.onChange(false);
          for (const done of [...this.waiters]) done();
        }
        return;
      case "release":
        if (this.live) this.options.onRelease();
        return;
    }
  }

  /** This tab went live after the sender of `live` did (ties: the lower id wins). */
  private wentLiveAfter({ from, since }: { from: string; since?: number }) {
    if (since === undefined) return false;
    return (
      since < this.liveSince ||
      (since === this.liveSince && from < this.options.id)
    );
  }

  private post(type: TabMessage["type"]): void {
    const { id: from } = this.options;
    this.channel?.post(
      type === "live" ? { type, from, since: this.liveSince } : { type, from },
    );
  }
}

function noop() {}
