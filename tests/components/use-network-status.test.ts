import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import {
  AUTO_RESUME_WINDOW_MS,
  useNetworkPolicy,
} from "@/components/use-network-status";
import type { SessionPhase } from "@/components/use-session-controls";

function setOnline(online: boolean) {
  Object.defineProperty(navigator, "onLine", {
    configurable: true,
    get: () => online,
  });
  act(
    () => void window.dispatchEvent(new Event(online ? "online" : "offline")),
  );
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  setOnline(true);
  vi.useRealTimers();
});

function render(phase: SessionPhase) {
  const resume = vi.fn();
  const onLost = vi.fn();
  const hook = renderHook(
    ({ phase }) => useNetworkPolicy({ phase, resume, onLost }),
    { initialProps: { phase } },
  );
  return { resume, onLost, ...hook };
}

test("offline is reported at once and leaves the session alone", () => {
  const { result, resume, onLost } = render("ready");
  expect(result.current.online).toBe(true);
  setOnline(false);
  expect(result.current.online).toBe(false);
  act(() => vi.advanceTimersByTime(60_000));
  expect(resume).not.toHaveBeenCalled();
  expect(onLost).not.toHaveBeenCalled();
});

test("back online, a dropped stream whose session Reactor still holds is resumed once", () => {
  const { resume, rerender } = render("ready");
  setOnline(false);
  rerender({ phase: "interrupted" });
  expect(resume).not.toHaveBeenCalled();
  setOnline(true);
  expect(resume).toHaveBeenCalledTimes(1);
  // The resume failed (interrupted again): the user decides now.
  rerender({ phase: "connecting" });
  rerender({ phase: "interrupted" });
  expect(resume).toHaveBeenCalledTimes(1);
});

test("a stream that drops just after online is still resumed, within the window only", () => {
  const first = render("ready");
  setOnline(false);
  setOnline(true);
  act(() => vi.advanceTimersByTime(AUTO_RESUME_WINDOW_MS - 1_000));
  first.rerender({ phase: "interrupted" });
  expect(first.resume).toHaveBeenCalledTimes(1);
  first.unmount();

  const late = render("ready");
  setOnline(false);
  setOnline(true);
  act(() => vi.advanceTimersByTime(AUTO_RESUME_WINDOW_MS + 1_000));
  late.rerender({ phase: "interrupted" });
  expect(late.resume).not.toHaveBeenCalled();
});

test("a session lost while offline is reported instead of resumed", () => {
  const { resume, onLost, rerender } = render("ready");
  setOnline(false);
  rerender({ phase: "disconnected" });
  setOnline(true);
  expect(onLost).toHaveBeenCalledTimes(1);
  expect(resume).not.toHaveBeenCalled();
});

test("without a session, the network coming and going does nothing", () => {
  const { resume, onLost, rerender } = render("disconnected");
  setOnline(false);
  setOnline(true);
  rerender({ phase: "interrupted" });
  expect(resume).not.toHaveBeenCalled();
  expect(onLost).not.toHaveBeenCalled();
});
