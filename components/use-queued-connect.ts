"use client";

import { useEffect, useLayoutEffect, useRef } from "react";

// Only `next dev` runs StrictMode's double effects (see below).
const SETTLE_MS = process.env.NODE_ENV === "development" ? 300 : 0;

/**
 * Carries out, once, a Connect pressed on the skeleton before the SDK chunk
 * arrived. Not at once on mount: under StrictMode (next dev) ReactorProvider
 * disposes its first store in its second effect pass and renders again with
 * a new one, so a connect() taken from the first render would start a
 * session nobody sees. The call waits for the renders to settle and uses the
 * newest connect.
 */
export function useQueuedConnect(queued: boolean, connect: () => void): void {
  const pending = useRef(queued);
  const latest = useRef(connect);
  useLayoutEffect(() => {
    latest.current = connect;
  });
  useEffect(() => {
    if (!pending.current) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        pending.current = false;
        latest.current();
      }, SETTLE_MS);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
}
