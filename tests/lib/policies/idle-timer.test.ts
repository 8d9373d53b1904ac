import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { IdleTimer, type IdleState } from "@/lib/policies/idle-timer";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function idleTimer(idleMs = 5_000, countdownMs = 20_000) {
  const changes: IdleState[] = [];
  const onExpire = vi.fn();
  const timer = new IdleTimer({
    idleMs,
    countdownMs,
    onChange: (state) => changes.push(state),
    onExpire,
  });
  return { timer, changes, onExpire };
}

test("warns after the idle time without activity, then expires after the countdown", () => {
  const { timer, changes, onExpire } = idleTimer();
  timer.start();
  vi.advanceTimersByTime(4_999);
  expect(changes).toEqual([]);
  vi.advanceTimersByTime(1);
  expect(changes).toEqual([{ phase: "warning", endsAt: Date.now() + 20_000 }]);
  vi.advanceTimersByTime(19_999);
  expect(onExpire).not.toHaveBeenCalled();
  vi.advanceTimersByTime(1);
  expect(onExpire).toHaveBeenCalledTimes(1);
  // Expired means stopped: nothing more happens.
  vi.advanceTimersByTime(60_000);
  expect(onExpire).toHaveBeenCalledTimes(1);
  expect(changes).toHaveLength(1);
});

test("activity while watching pushes the warning back by the whole idle time", () => {
  const { timer, changes } = idleTimer();
  timer.start();
  vi.advanceTimersByTime(4_000);
  timer.activity();
  vi.advanceTimersByTime(4_999);
  expect(changes).toEqual([]);
  vi.advanceTimersByTime(1);
  expect(changes.map((state) => state.phase)).toEqual(["warning"]);
});

test("activity during the countdown keeps the session and restarts the idle time", () => {
  const { timer, changes, onExpire } = idleTimer();
  timer.start();
  vi.advanceTimersByTime(5_000 + 10_000);
  timer.activity();
  expect(changes.map((state) => state.phase)).toEqual(["warning", "watching"]);
  vi.advanceTimersByTime(20_000);
  expect(onExpire).not.toHaveBeenCalled();
  // …and asks again after another idle period.
  expect(changes.map((state) => state.phase)).toEqual([
    "warning",
    "watching",
    "warning",
  ]);
});

test("stop cancels everything, and activity after stop does nothing", () => {
  const { timer, changes, onExpire } = idleTimer();
  timer.start();
  vi.advanceTimersByTime(6_000);
  timer.stop();
  timer.activity();
  vi.advanceTimersByTime(60_000);
  expect(changes.map((state) => state.phase)).toEqual(["warning"]);
  expect(onExpire).not.toHaveBeenCalled();
});

test("start again begins a fresh idle period", () => {
  const { timer, changes } = idleTimer();
  timer.start();
  vi.advanceTimersByTime(4_000);
  timer.start();
  vi.advanceTimersByTime(4_000);
  expect(changes).toEqual([]);
});
