import { afterEach, describe, expect, it, vi } from "vitest";
import {
  inIdleSteps,
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

describe("inIdleSteps", () => {
  // Lets a settled step's promise chain reach the next idle request.
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it("runs one step per idle callback, each after the last one settled", async () => {
    const { runIdle } = fakeIdle();
    setReadyState("complete");
    let finishFirst!: () => void;
    const first = vi.fn(
      () => new Promise<void>((resolve) => (finishFirst = resolve)),
    );
    const second = vi.fn();
    inIdleSteps([first, second]);

    expect(first).not.toHaveBeenCalled();
    runIdle();
    await settle();
    expect(first).toHaveBeenCalledTimes(1);
    // The first step has not settled: no idle request for the second yet.
    runIdle();
    await settle();
    expect(second).not.toHaveBeenCalled();

    finishFirst();
    await settle();
    expect(second).not.toHaveBeenCalled();
    runIdle();
    await settle();
    expect(second).toHaveBeenCalledTimes(1);
  });

  it("stops at a failed step", async () => {
    const { runIdle } = fakeIdle();
    setReadyState("complete");
    const after = vi.fn();
    inIdleSteps([() => Promise.reject(new Error("offline")), after]);
    for (let i = 0; i < 3; i++) {
      runIdle();
      await settle();
    }
    expect(after).not.toHaveBeenCalled();
  });

  it("cancelled, it runs no further step", async () => {
    const { runIdle } = fakeIdle();
    setReadyState("complete");
    const first = vi.fn();
    const second = vi.fn();
    const cancel = inIdleSteps([first, second]);
    runIdle();
    await settle();
    cancel();
    runIdle();
    await settle();
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).not.toHaveBeenCalled();
  });
});

describe("loadReactorSession", () => {
  it("shares one import between idle, intent and click", async () => {
    const first = loadReactorSession();
    expect(loadReactorSession()).toBe(first);
    expect(typeof (await first).ReactorSession).toBe("function");
  });
});
