import type { SessionPeer } from "../webrtc/peer";

// Every peer the manager lets go of closes through here, so shutdown can wait
// for all of them. A close may be delayed (after DELETE the SDK closes its own
// peer first; see `peerCloseDelayMs` in ../options.ts); `closeAll()` runs the
// delayed ones at once and resolves when every close has finished.

export class PeerCloser {
  private readonly delayed = new Map<NodeJS.Timeout, SessionPeer>();
  private readonly closing = new Set<Promise<void>>();

  close(peer: SessionPeer, delayMs = 0): void {
    if (delayMs <= 0) {
      this.closeNow(peer);
      return;
    }
    const timer = setTimeout(() => {
      this.delayed.delete(timer);
      this.closeNow(peer);
    }, delayMs);
    this.delayed.set(timer, peer);
  }

  async closeAll(): Promise<void> {
    for (const [timer, peer] of this.delayed) {
      clearTimeout(timer);
      this.closeNow(peer);
    }
    this.delayed.clear();
    await Promise.allSettled([...this.closing]);
  }

  private closeNow(peer: SessionPeer): void {
    const closing = peer.close().finally(() => this.closing.delete(closing));
    this.closing.add(closing);
  }
}
