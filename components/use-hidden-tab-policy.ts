"use client";

import { useEffect, useRef } from "react";

interface Options {
  /** 0 = off. */
  seconds: number;
  live: boolean;
  onExpire: () => void;
}

/**
 * Calls onExpire once the page has been hidden (another tab in front, window
 * minimised) for `seconds` while live; showing it again in time cancels.
 * Browsers throttle timers in hidden tabs to about once a second, which is
 * precise enough here.
 */
export function useHiddenTabPolicy({ seconds, live, onExpire }: Options) {
  const expire = useRef(onExpire);
  useEffect(() => {
    expire.current = onExpire;
  });

  useEffect(() => {
    if (!live || seconds === 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      if (document.visibilityState === "hidden") {
        timer ??= setTimeout(() => expire.current(), seconds * 1000);
      } else {
        clearTimeout(timer);
        timer = undefined;
      }
    };
    update();
    document.addEventListener("visibilitychange", update);
    return () => {
      document.removeEventListener("visibilitychange", update);
      clearTimeout(timer);
    };
  }, [live, seconds]);
}
