"use client";

import { useEffect, useRef, useSyncExternalStore } from "react";
import type { SessionPhase } from "@/components/use-session-controls";

/**
 * After `online`, how long a stream that drops may still be resumed
 * automatically: the browser notices a dead connection a few seconds after
 * the network itself (ICE consent checks), sometimes after `online` fired.
 */
export const AUTO_RESUME_WINDOW_MS = 15_000;

function subscribe(onChange: () => void) {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

/** navigator.onLine, live. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );
}

interface Options {
  phase: SessionPhase;
  /** SDK reconnect(): same session, new peer connection. */
  resume: () => void;
  /** The session was lost while offline and cannot be resumed. */
  onLost: () => void;
}

/**
 * Going offline leaves the session alone (a short blip may not even drop the
 * stream). Back online, a stream that dropped while Reactor still holds the
 * session (it does for 30 s) is resumed once, automatically; a session that
 * is gone is reported so the page can offer a new one.
 */
export function useNetworkPolicy({ phase, resume, onLost }: Options) {
  const online = useOnline();
  const latest = useRef({ phase, resume, onLost });
  useEffect(() => {
    latest.current = { phase, resume, onLost };
  });
  const episode = useRef({ heldSession: false, resumeUntil: 0 });

  useEffect(() => {
    const state = episode.current;
    const { phase, resume, onLost } = latest.current;
    if (!online) {
      state.heldSession ||= phase !== "disconnected";
      state.resumeUntil = 0;
      return;
    }
    if (!state.heldSession) return;
    state.heldSession = false;
    if (phase === "interrupted") resume();
    else if (phase === "disconnected") onLost();
    else state.resumeUntil = Date.now() + AUTO_RESUME_WINDOW_MS;
  }, [online]);

  useEffect(() => {
    const state = episode.current;
    if (phase !== "interrupted" || Date.now() > state.resumeUntil) return;
    state.resumeUntil = 0;
    latest.current.resume();
  }, [phase]);

  return { online };
}
