import { expect, test, vi } from "vitest";
import {
  ACTIVITY_EVENT,
  INPUT_EVENTS,
  onActivity,
  reportActivity,
} from "@/lib/activity";

test.each(INPUT_EVENTS)("%s in the page counts as activity", (type) => {
  const listener = vi.fn();
  const stop = onActivity(listener);
  document.body.dispatchEvent(new Event(type, { bubbles: true }));
  expect(listener).toHaveBeenCalledTimes(1);
  stop();
});

test("input counts even when a component stops its propagation", () => {
  const listener = vi.fn();
  const stop = onActivity(listener);
  const button = document.createElement("button");
  document.body.append(button);
  button.addEventListener("keydown", (event) => event.stopPropagation());
  button.dispatchEvent(new Event("keydown", { bubbles: true }));
  expect(listener).toHaveBeenCalledTimes(1);
  stop();
  button.remove();
});

test("reportActivity() (a command sent, a control used, a track published) counts", () => {
  const listener = vi.fn();
  const stop = onActivity(listener);
  reportActivity();
  expect(listener).toHaveBeenCalledTimes(1);
  window.dispatchEvent(new Event(ACTIVITY_EVENT));
  expect(listener).toHaveBeenCalledTimes(2);
  stop();
});

test("after unsubscribing nothing counts", () => {
  const listener = vi.fn();
  onActivity(listener)();
  reportActivity();
  document.body.dispatchEvent(new Event("pointerdown", { bubbles: true }));
  expect(listener).not.toHaveBeenCalled();
});

test("other events do not count", () => {
  const listener = vi.fn();
  const stop = onActivity(listener);
  window.dispatchEvent(new Event("focus"));
  window.dispatchEvent(new Event("scroll"));
  expect(listener).not.toHaveBeenCalled();
  stop();
});
