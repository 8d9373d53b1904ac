import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { useHiddenTabPolicy } from "@/components/use-hidden-tab-policy";

function setVisibility(state: "hidden" | "visible") {
  Object.defineProperty(document, "visibilityState", {
    configurable: true,
    get: () => state,
  });
  act(() => void document.dispatchEvent(new Event("visibilitychange")));
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  setVisibility("visible");
  vi.useRealTimers();
});

function render(props: { seconds: number; live: boolean }) {
  const onExpire = vi.fn();
  const hook = renderHook((p) => useHiddenTabPolicy({ ...p, onExpire }), {
    initialProps: props,
  });
  return { onExpire, ...hook };
}

test("a live session in a tab hidden for the whole time expires once", () => {
  const { onExpire } = render({ seconds: 3, live: true });
  setVisibility("hidden");
  act(() => vi.advanceTimersByTime(2_999));
  expect(onExpire).not.toHaveBeenCalled();
  act(() => vi.advanceTimersByTime(1));
  expect(onExpire).toHaveBeenCalledTimes(1);
  act(() => vi.advanceTimersByTime(60_000));
  expect(onExpire).toHaveBeenCalledTimes(1);
});

test("showing the tab again in time cancels, and hiding starts over", () => {
  const { onExpire } = render({ seconds: 3, live: true });
  setVisibility("hidden");
  act(() => vi.advanceTimersByTime(2_000));
  setVisibility("visible");
  act(() => vi.advanceTimersByTime(10_000));
  expect(onExpire).not.toHaveBeenCalled();
  setVisibility("hidden");
  act(() => vi.advanceTimersByTime(2_999));
  expect(onExpire).not.toHaveBeenCalled();
  act(() => vi.advanceTimersByTime(1));
  expect(onExpire).toHaveBeenCalledTimes(1);
});

test("a tab already hidden when the session goes live counts from then", () => {
  setVisibility("hidden");
  const { onExpire, rerender } = render({ seconds: 3, live: false });
  act(() => vi.advanceTimersByTime(10_000));
  expect(onExpire).not.toHaveBeenCalled();
  rerender({ seconds: 3, live: true });
  act(() => vi.advanceTimersByTime(3_000));
  expect(onExpire).toHaveBeenCalledTimes(1);
});

test("ending the session cancels the timer", () => {
  const { onExpire, rerender } = render({ seconds: 3, live: true });
  setVisibility("hidden");
  rerender({ seconds: 3, live: false });
  act(() => vi.advanceTimersByTime(10_000));
  expect(onExpire).not.toHaveBeenCalled();
});

test("0 turns the policy off", () => {
  const { onExpire } = render({ seconds: 0, live: true });
  setVisibility("hidden");
  act(() => vi.advanceTimersByTime(3_600_000));
  expect(onExpire).not.toHaveBeenCalled();
});
