/**
 * What counts as "someone is here" for the idle policy
 * (components/use-idle-policy.ts). Input in the page counts by itself; code
 * that acts for a person without page input (a command sent, a control
 * changed, a camera or microphone published) calls reportActivity(). It is a
 * DOM event on `window`, not a React context, so any module can report
 * without being wired to the session.
 */
export const ACTIVITY_EVENT = "reactor:activity";

/** Pointer and keyboard input anywhere in the page. */
export const INPUT_EVENTS = [
  "pointerdown",
  "pointermove",
  "keydown",
  "wheel",
  "touchstart",
] as const;

/** Tell the idle policy a person is using the page. */
export function reportActivity(target: EventTarget = window): void {
  target.dispatchEvent(new Event(ACTIVITY_EVENT));
}

/**
 * Calls `listener` on every input event and every reportActivity(). Capture
 * phase, so a component that stops propagation still counts as input.
 */
export function onActivity(
  listener: () => void,
  target: EventTarget = window,
): () => void {
  const options = { capture: true, passive: true };
  const types = [...INPUT_EVENTS, ACTIVITY_EVENT];
  for (const type of types) target.addEventListener(type, listener, options);
  return () => {
    for (const type of types)
      target.removeEventListener(type, listener, options);
  };
}
