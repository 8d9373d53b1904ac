"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { openTabChannel } from "@/lib/tab-coordination/tab-channel";
import { TabPresence } from "@/lib/tab-coordination/tab-presence";

const CHANNEL_NAME = "reactor-session";

interface Options {
  /** This tab holds a session (connecting, live or resumable). */
  holding: boolean;
  /** Another tab asked for the session: end ours. */
  onRelease: () => void;
}

/**
 * One session per browser profile (lib/tab-coordination/tab-presence.ts).
 * `otherTabLive` says another tab holds one; `takeOver` ends it there, then
 * runs `then` (Connect) here.
 */
export function useTabLock({ holding, onRelease }: Options) {
  const [otherTabLive, setOtherTabLive] = useState(false);
  const presence = useRef<TabPresence | undefined>(undefined);
  const release = useRef(onRelease);
  useEffect(() => {
    release.current = onRelease;
  });

  useEffect(() => {
    const tab = new TabPresence(openTabChannel(CHANNEL_NAME), {
      id: crypto.randomUUID(),
      onChange: setOtherTabLive,
      onRelease: () => release.current(),
    });
    presence.current = tab;
    // pagehide, not beforeunload: it also fires when the page enters the
    // back/forward cache, and closing the tab frees the slot at once.
    const onPageHide = () => tab.setLive(false);
    window.addEventListener("pagehide", onPageHide);
    return () => {
      window.removeEventListener("pagehide", onPageHide);
      tab.dispose();
      presence.current = undefined;
    };
  }, []);

  useEffect(() => {
    presence.current?.setLive(holding);
  }, [holding]);

  const takeOver = useCallback((then: () => void) => {
    const tab = presence.current;
    if (!tab) return then();
    void tab.takeOver().then(then);
  }, []);

  return { otherTabLive, takeOver };
}
