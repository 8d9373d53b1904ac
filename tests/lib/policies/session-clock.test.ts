import { expect, test } from "vitest";
import { formatClock, formatDuration } from "@/lib/format-time";
import { secondsLeft } from "@/lib/policies/session-clock";

test("secondsLeft rounds up and never goes negative", () => {
  expect(secondsLeft(10_000, 0)).toBe(10);
  expect(secondsLeft(10_000, 1)).toBe(10);
  expect(secondsLeft(10_000, 9_001)).toBe(1);
  expect(secondsLeft(10_000, 10_000)).toBe(0);
  expect(secondsLeft(10_000, 99_000)).toBe(0);
});

test("formatClock is m:ss", () => {
  expect(formatClock(1200)).toBe("20:00");
  expect(formatClock(1185)).toBe("19:45");
  expect(formatClock(7)).toBe("0:07");
  expect(formatClock(0)).toBe("0:00");
});

test("formatDuration uses minutes only when whole", () => {
  expect(formatDuration(180)).toBe("3 minutes");
  expect(formatDuration(60)).toBe("1 minute");
  expect(formatDuration(90)).toBe("90 seconds");
  expect(formatDuration(1)).toBe("1 second");
  expect(formatDuration(5)).toBe("5 seconds");
});
