"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { onActivity } from "@/lib/activity";
import { IdleTimer } from "@/lib/policies/idle-timer";

/** How long "Still watching?" waits for an answer. */
export const IDLE_COUNTDOWN_MS = 20_000;

interface Options {
  /** 0 = off. */
  seconds: number;
  live: boolean;
  onExpire: () => void;
}

/**
 * While live, `seconds` without activity (lib/activity.ts) shows a countdown;
 * unanswered, it calls onExpire. Returns when the countdown ends (undefined
 * when none shows) and `keep`, for the notice's button.
 */
export function useIdlePolicy({ seconds, live, onExpire }: Options) {
  const [warningEndsAt, setWarningEndsAt] = useState<number>();
  const timer = useRef<IdleTimer | undefined>(undefined);
  const expire = useRef(onExpire);
  useEffect(() => {
    expire.current = onExpire;
  });

  useEffect(() => {
    if (!live || seconds === 0) return;
    const idle = new IdleTimer({
      idleMs: seconds * 1000,
      countdownMs: IDLE_COUNTDOWN_MS,
      onChange: (state) =>
        setWarningEndsAt(state.phase === "warning" ? state.endsAt : undefined),
      onExpire: () => {
        setWarningEndsAt(undefined);
        expire.current();
      },
    });
    timer.current = idle;
    idle.start();
    const unsubscribe = onActivity(() => idle.activity());
    return () => {
      unsubscribe();
      idle.stop();
      timer.current = undefined;
      setWarningEndsAt(undefined);
    };
  }, [live, seconds]);

  const keep = useCallback(() => timer.current?.activity(), []);
  return { warningEndsAt, keep };
}
