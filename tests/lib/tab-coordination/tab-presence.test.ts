import { afterEach, describe, expect, test, vi } from "vitest";
import {
  broadcastTabChannel,
  openTabChannel,
  storageTabChannel,
  type TabChannel,
  type TabMessage,
} from "@/lib/tab-coordination/tab-channel";
import { TabPresence } from "@/lib/tab-coordination/tab-presence";

afterEach(() => vi.useRealTimers());

/**
 * Two or more fake tabs on one bus: each message reaches every other tab, like
 * BroadcastChannel. `send` decides when: at once, or when a test says.
 */
function fakeTabs(send: (delivery: () => void) => void) {
  const tabs = new Set<(message: TabMessage) => void>();
  return (): TabChannel => {
    let handler: ((message: TabMessage) => void) | undefined;
    const deliver = (message: TabMessage) => handler?.(message);
    tabs.add(deliver);
    return {
      post: (message) => {
        for (const tab of tabs) if (tab !== deliver) send(() => tab(message));
      },
      listen(next) {
        handler = next;
        return () => (handler = undefined);
      },
      close: () => tabs.delete(deliver),
    };
  };
}

const fakeBus = () => fakeTabs((delivery) => delivery());

/**
 * Fake tabs over the localStorage fallback: one shared storage whose setItem
 * fires `storage` on every other tab's window, as browsers do.
 */
function fakeStorageBus() {
  const data = new Map<string, string>();
  const windows = new Set<EventTarget>();
  return (): TabChannel => {
    const own = new EventTarget();
    windows.add(own);
    const storage = {
      setItem(key: string, value: string) {
        data.set(key, value);
        for (const target of windows) {
          if (target === own) continue;
          const event = new Event("storage");
          Object.assign(event, { key, newValue: value });
          target.dispatchEvent(event);
        }
      },
    } as Storage;
    return storageTabChannel("reactor-session", storage, own);
  };
}

function tab(channel: TabChannel | undefined, id: string) {
  const onChange = vi.fn();
  const onRelease = vi.fn();
  const presence = new TabPresence(channel, {
    id,
    onChange,
    onRelease,
    takeOverTimeoutMs: 5_000,
  });
  return { presence, onChange, onRelease };
}

describe.each([
  ["BroadcastChannel-like bus", fakeBus],
  ["localStorage fallback", fakeStorageBus],
])("over a %s", (_name, makeBus) => {
  test("a new tab learns that another tab is live", () => {
    const open = makeBus();
    const a = tab(open(), "a");
    a.presence.setLive(true);
    const b = tab(open(), "b");
    expect(b.presence.otherLive).toBe(true);
    expect(b.onChange).toHaveBeenLastCalledWith(true);
  });

  test("tabs follow each other going live and free", () => {
    const open = makeBus();
    const a = tab(open(), "a");
    const b = tab(open(), "b");
    expect(b.presence.otherLive).toBe(false);
    a.presence.setLive(true);
    expect(b.presence.otherLive).toBe(true);
    a.presence.setLive(false);
    expect(b.presence.otherLive).toBe(false);
    expect(b.onChange.mock.calls).toEqual([[true], [false]]);
  });

  test("take over asks the live tab to end, and resolves only once it has", async () => {
    const open = makeBus();
    const a = tab(open(), "a");
    const b = tab(open(), "b");
    a.presence.setLive(true);
    let done = false;
    const taking = b.presence.takeOver().then(() => (done = true));
    expect(a.onRelease).toHaveBeenCalledTimes(1);
    await Promise.resolve();
    expect(done).toBe(false);

    a.presence.setLive(false);
    await taking;
    expect(done).toBe(true);
    expect(b.presence.otherLive).toBe(false);
  });

  test("closing the live tab frees the slot at once", () => {
    const open = makeBus();
    const a = tab(open(), "a");
    const b = tab(open(), "b");
    a.presence.setLive(true);
    a.presence.dispose();
    expect(b.presence.otherLive).toBe(false);
  });

  test("a tab without a session ignores release", () => {
    const open = makeBus();
    const a = tab(open(), "a");
    const b = tab(open(), "b");
    const c = tab(open(), "c");
    c.presence.setLive(true);
    void b.presence.takeOver();
    expect(a.onRelease).not.toHaveBeenCalled();
    expect(c.onRelease).toHaveBeenCalledTimes(1);
  });
});

test("a live tab that never answers (frozen, crashed) is presumed gone after the timeout", async () => {
  vi.useFakeTimers();
  const open = fakeBus();
  const silent = open();
  silent.post({ type: "live", from: "crashed" });
  const b = tab(open(), "b");
  silent.post({ type: "live", from: "crashed" });
  expect(b.presence.otherLive).toBe(true);

  let done = false;
  const taking = b.presence.takeOver().then(() => (done = true));
  await vi.advanceTimersByTimeAsync(4_999);
  expect(done).toBe(false);
  await vi.advanceTimersByTimeAsync(1);
  await taking;
  expect(b.presence.otherLive).toBe(false);
  expect(b.onChange).toHaveBeenLastCalledWith(false);
});

/** Like fakeBus, but messages wait in flight until flush(): tabs that act before hearing each other. */
function slowBus() {
  const inFlight: (() => void)[] = [];
  const open = fakeTabs((delivery) => inFlight.push(delivery));
  const flush = () => {
    while (inFlight.length) inFlight.shift()!();
  };
  return { open, flush };
}

describe("two tabs that go live before hearing each other", () => {
  test("the one that went live later ends its session; the first keeps its own", () => {
    vi.useFakeTimers({ now: 1_000 });
    const bus = slowBus();
    const first = tab(bus.open(), "z");
    const second = tab(bus.open(), "a");
    first.presence.setLive(true);
    vi.setSystemTime(1_002);
    second.presence.setLive(true);
    bus.flush();
    expect(second.onRelease).toHaveBeenCalledTimes(1);
    expect(first.onRelease).not.toHaveBeenCalled();
    expect(second.presence.otherLive).toBe(true);

    // Once the second has ended, the first is alone again.
    second.presence.setLive(false);
    bus.flush();
    expect(first.presence.otherLive).toBe(false);
  });

  test("in the same millisecond, the lower id keeps its session", () => {
    vi.useFakeTimers({ now: 1_000 });
    const bus = slowBus();
    const b = tab(bus.open(), "b");
    const a = tab(bus.open(), "a");
    b.presence.setLive(true);
    a.presence.setLive(true);
    bus.flush();
    expect(b.onRelease).toHaveBeenCalledTimes(1);
    expect(a.onRelease).not.toHaveBeenCalled();
  });

  test("a live tab answering a newcomer's hello ends nobody's session", () => {
    vi.useFakeTimers({ now: 1_000 });
    const bus = slowBus();
    const live = tab(bus.open(), "b");
    live.presence.setLive(true);
    bus.flush();
    vi.setSystemTime(5_000);
    const newcomer = tab(bus.open(), "a");
    bus.flush();
    expect(newcomer.presence.otherLive).toBe(true);
    expect(live.onRelease).not.toHaveBeenCalled();
    expect(newcomer.onRelease).not.toHaveBeenCalled();
  });
});

test("take over with no other live tab resolves at once and asks nobody", async () => {
  const open = fakeBus();
  const a = tab(open(), "a");
  const b = tab(open(), "b");
  await b.presence.takeOver();
  expect(a.onRelease).not.toHaveBeenCalled();
});

test("the localStorage fallback ignores other keys and values that are not tab messages", () => {
  const target = new EventTarget();
  const channel = storageTabChannel("reactor-session", {} as Storage, target);
  const handler = vi.fn();
  channel.listen(handler);
  for (const [key, newValue] of [
    ["reactor-session", "not json"],
    ["reactor-session", '{"type":"live"}'],
    ["reactor-session", '{"type":"steal","from":"x"}'],
    ["reactor-session", '{"type":"live","from":"x","since":"early"}'],
    ["reactor-session", null],
    ["something-else", '{"type":"live","from":"x"}'],
  ]) {
    target.dispatchEvent(
      Object.assign(new Event("storage"), { key, newValue }),
    );
  }
  expect(handler).not.toHaveBeenCalled();
  target.dispatchEvent(
    Object.assign(new Event("storage"), {
      key: "reactor-session",
      newValue: '{"type":"live","from":"x","n":1}',
    }),
  );
  expect(handler).toHaveBeenCalledWith(
    expect.objectContaining({ type: "live", from: "x" }),
  );
});

test("over a real BroadcastChannel, two tabs coordinate", async () => {
  const a = tab(broadcastTabChannel("test-presence"), "a");
  const b = tab(broadcastTabChannel("test-presence"), "b");
  a.presence.setLive(true);
  await vi.waitFor(() => expect(b.presence.otherLive).toBe(true));
  a.presence.dispose();
  await vi.waitFor(() => expect(b.presence.otherLive).toBe(false));
  b.presence.dispose();
});

describe("openTabChannel", () => {
  test("prefers BroadcastChannel", () => {
    const created: string[] = [];
    class FakeChannel {
      constructor(name: string) {
        created.push(name);
      }
      postMessage() {}
      addEventListener() {}
      removeEventListener() {}
      close() {}
    }
    const scope = {
      BroadcastChannel: FakeChannel,
      localStorage: {},
    } as unknown as typeof globalThis;
    expect(openTabChannel("reactor-session", scope)).toBeDefined();
    expect(created).toEqual(["reactor-session"]);
  });

  test("falls back to localStorage events without BroadcastChannel", () => {
    const setItem = vi.fn();
    const scope = Object.assign(new EventTarget(), {
      localStorage: { setItem },
    }) as unknown as typeof globalThis;
    const channel = openTabChannel("reactor-session", scope)!;
    channel.post({ type: "live", from: "a" });
    expect(setItem).toHaveBeenCalledWith(
      "reactor-session",
      expect.stringContaining('"type":"live"'),
    );
  });

  test("with neither (storage blocked), there is no bus and the tab acts alone", async () => {
    const scope = {
      get localStorage(): Storage {
        throw new DOMException("denied", "SecurityError");
      },
    } as unknown as typeof globalThis;
    const channel = openTabChannel("reactor-session", scope);
    expect(channel).toBeUndefined();
    const alone = tab(channel, "a");
    alone.presence.setLive(true);
    expect(alone.presence.otherLive).toBe(false);
    await alone.presence.takeOver();
    alone.presence.dispose();
  });
});
