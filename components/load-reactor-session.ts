// When the SDK chunk (components/reactor-session.tsx and the SDK; its size:
// README, "How it works") loads and evaluates. Its evaluation is the page's
// largest main-thread task, so it runs when it helps the user rather than
// right after first paint:
// - on intent: pointer over, focus on or press of Connect, which comes before
//   the click by tens to hundreds of ms;
// - else once the page has loaded and the browser is idle, so a later click
//   finds it ready. That happens in steps, one idle callback each (zod in
//   two, the SDK, our session components: inIdleSteps), because evaluating
//   the whole chunk at once is a long task on a phone (Lighthouse counts it
//   as blocking time; a tap during it waits).
// stream-app.tsx wires both; a click that arrives first waits for the chunk.

import type * as ReactorSessionExports from "@/components/reactor-session";

type ReactorSessionModule = typeof ReactorSessionExports;

let pending: Promise<ReactorSessionModule> | undefined;

/** One import for the page's life; a failed one (offline) is retried on the next call. */
export function loadReactorSession(): Promise<ReactorSessionModule> {
  pending ??= import("@/components/reactor-session").catch((error) => {
    pending = undefined;
    throw error;
  });
  return pending;
}

/**
 * Calls `callback` once the window's load event has passed and the browser
 * reports idle time (requestIdleCallback; a timer where it is missing, as in
 * Safari). The timeout bounds the wait on a page that never goes idle.
 * Returns a cancel function.
 */
export function whenBrowserIdle(
  callback: () => void,
  { timeoutMs = 5_000 }: { timeoutMs?: number } = {},
): () => void {
  let cancelIdle: (() => void) | undefined;
  const schedule = () => {
    if (typeof window.requestIdleCallback === "function") {
      const id = window.requestIdleCallback(callback, { timeout: timeoutMs });
      cancelIdle = () => window.cancelIdleCallback(id);
    } else {
      const id = window.setTimeout(callback, 1);
      cancelIdle = () => window.clearTimeout(id);
    }
  };
  if (document.readyState === "complete") {
    schedule();
    return () => cancelIdle?.();
  }
  window.addEventListener("load", schedule, { once: true });
  return () => {
    window.removeEventListener("load", schedule);
    cancelIdle?.();
  };
}

/**
 * Runs `steps` in order, each in its own idle callback (whenBrowserIdle),
 * waiting for a step's promise before asking for the next callback. Loading
 * a chunk in one step evaluates its modules in that step's task, so splitting
 * the SDK chunk's dependencies into steps keeps each task short. A rejected
 * step ends the run: intent and Connect load what is still missing.
 * Returns a cancel function.
 */
export function inIdleSteps(steps: (() => unknown)[]): () => void {
  let cancelIdle: () => void = () => undefined;
  let cancelled = false;
  const run = (index: number) => {
    if (cancelled || index >= steps.length) return;
    cancelIdle = whenBrowserIdle(() => {
      Promise.resolve()
        .then(steps[index])
        .then(
          () => run(index + 1),
          () => undefined,
        );
    });
  };
  run(0);
  return () => {
    cancelled = true;
    cancelIdle();
  };
}
