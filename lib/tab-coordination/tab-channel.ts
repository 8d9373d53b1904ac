/**
 * A message bus between this app's tabs in one browser profile. Prefers
 * BroadcastChannel; falls back to `storage` events on localStorage (older
 * Safari), which also reach every other tab of the origin and, like
 * BroadcastChannel, not the sender. With neither (storage blocked too), there
 * is no bus and each tab acts alone.
 */
export type TabMessage =
  | { type: "hello"; from: string }
  /** `since`: when this tab went live (epoch ms), to settle two that started at once. */
  | { type: "live"; from: string; since?: number }
  | { type: "free"; from: string }
  | { type: "release"; from: string };

export interface TabChannel {
  post(message: TabMessage): void;
  listen(handler: (message: TabMessage) => void): () => void;
  close(): void;
}

const TYPES = new Set(["hello", "live", "free", "release"]);

function asMessage(data: unknown): TabMessage | undefined {
  if (typeof data !== "object" || data === null) return undefined;
  const { type, from, since } = data as Record<string, unknown>;
  return typeof type === "string" &&
    TYPES.has(type) &&
    typeof from === "string" &&
    (since === undefined || typeof since === "number")
    ? (data as TabMessage)
    : undefined;
}

export function broadcastTabChannel(
  name: string,
  Channel: typeof BroadcastChannel = BroadcastChannel,
): TabChannel {
  const channel = new Channel(name);
  return {
    post: (message) => channel.postMessage(message),
    listen(handler) {
      const onMessage = (event: MessageEvent) => {
        const message = asMessage(event.data);
        if (message) handler(message);
      };
      channel.addEventListener("message", onMessage);
      return () => channel.removeEventListener("message", onMessage);
    },
    close: () => channel.close(),
  };
}

export function storageTabChannel(
  name: string,
  storage: Storage,
  target: EventTarget,
): TabChannel {
  let sequence = 0;
  return {
    post(message) {
      // A storage event fires only when the value changes: make each one unique.
      storage.setItem(name, JSON.stringify({ ...message, n: ++sequence }));
    },
    listen(handler) {
      const onStorage = (event: Event) => {
        const { key, newValue } = event as StorageEvent;
        if (key !== name || !newValue) return;
        let data: unknown;
        try {
          data = JSON.parse(newValue);
        } catch {
          return;
        }
        const message = asMessage(data);
        if (message) handler(message);
      };
      target.addEventListener("storage", onStorage);
      return () => target.removeEventListener("storage", onStorage);
    },
    close() {},
  };
}

/** The best bus this browser offers, or undefined when there is none. */
export function openTabChannel(
  name: string,
  scope: typeof globalThis = globalThis,
): TabChannel | undefined {
  if (typeof scope.BroadcastChannel === "function") {
    return broadcastTabChannel(name, scope.BroadcastChannel);
  }
  try {
    // Reading localStorage throws when storage is blocked.
    const storage = scope.localStorage;
    if (storage) return storageTabChannel(name, storage, scope);
  } catch {
    // No storage either: this tab acts alone.
  }
  return undefined;
}
