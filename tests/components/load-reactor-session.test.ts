import { afterEach, describe, expect, it, vi } from "vitest";
import {
  loadReactorSession,
  whenBrowserIdle,
} from "@/components/load-reactor-session";

vi.mock("@reactor-team/js-sdk", async () => {
  const { fakeSdkModule } = await import("@test/support/fake-sdk");
  return fakeSdkModule;
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  // jsdom's own readyState again (see setReadyState).
  delete (document as { readyState?: string }).readyState;
});

/** An own property shadows jsdom's getter on Document.prototype. */
function setReadyState(state: DocumentReadyState) {
  Object.defineProperty(document, "readyState", {
    value: state,
    configurable: true,
  });
}

function fakeIdle() {
  const callbacks = new Map<number, IdleRequestCallback>();
  let next = 1;
  vi.stubGlobal(
    "requestIdleCallback",
    vi.fn((callback: IdleRequestCallback) => {
      callbacks.set(next, callback);
      return next++;
    }),
  );
  vi.stubGlobal(
    "cancelIdleCallback",
    vi.fn((id: number) => callbacks.delete(id)),
  );
  return {
    runIdle: () => {
      for (const callback of callbacks.values())
        callback({ didTimeout: false, timeRemaining: () => 50 });
      callbacks.clear();
    },
  };
}

describe("whenBrowserIdle", () => {
  it("waits for the load event, then for idle time", () => {
    const { runIdle } = fakeIdle();
    setReadyState("loading");
    const callback = vi.fn();
    whenBrowserIdle(callback);
    runIdle();
    expect(callback).not.toHaveBeenCalled();
    window.dispatchEvent(new Event("load"));
    expect(callback).not.toHaveBeenCalled();
    runIdle();
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it("asks for idle time at once when the page has already loaded", () => {
    const { runIdle } = fakeIdle();
    setReadyState("complete");
    const callback = vi.fn();
    whenBrowserIdle(callback);
    runIdle();
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it("cancelled before load or before idle, it never calls back", () => {
    const { runIdle } = fakeIdle();
    setReadyState("loading");
    const beforeLoad = vi.fn();
    whenBrowserIdle(beforeLoad)();
    window.dispatchEvent(new Event("load"));
    runIdle();
    expect(beforeLoad).not.toHaveBeenCalled();

    setReadyState("complete");
    const beforeIdle = vi.fn();
    whenBrowserIdle(beforeIdle)();
    runIdle();
    expect(beforeIdle).not.toHaveBeenCalled();
  });

  it("falls back to a timer without requestIdleCallback (Safari)", () => {
    vi.stubGlobal("requestIdleCallback", undefined);
    vi.useFakeTimers();
    setReadyState("complete");
    const callback = vi.fn();
    whenBrowserIdle(callback);
    expect(callback).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(callback).toHaveBeenCalledTimes(1);
  });
});

describe("loadReactorSession", () => {
  it("shares one import between idle, intent and click", async () => {
    const first = loadReactorSession();
    expect(loadReactorSession()).toBe(first);
    expect(typeof (await first).ReactorSession).toBe("function");
  });
});
