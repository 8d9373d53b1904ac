"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useSessionDeadline } from "@/components/sdk-compat";
import { useHiddenTabPolicy } from "@/components/use-hidden-tab-policy";
import { useIdlePolicy } from "@/components/use-idle-policy";
import { useNetworkPolicy } from "@/components/use-network-status";
import type { SessionControls } from "@/components/use-session-controls";
import { useTabLock } from "@/components/use-tab-lock";
import type { PublicConfig } from "@/lib/public-config";

/** Why the app ended (or lost) a session on its own; shown until the next Connect. */
export type EndReason = "idle" | "hidden" | "moved" | "offline" | "limit";

/**
 * Every rule that keeps a forgotten or duplicated session from spending GPU
 * credit (README, "Session policies"), composed over the session controls.
 * Returns the controls to render (Connect becomes "take over" when another
 * tab holds the session) and what the notices need.
 */
export function useSessionPolicies(
  controls: SessionControls,
  config: Pick<
    PublicConfig,
    "idleDisconnectSeconds" | "hiddenDisconnectSeconds"
  >,
) {
  const { phase, disconnect, resume } = controls;
  const [endReason, setEndReason] = useState<EndReason>();
  const end = useCallback(
    (reason: EndReason) => {
      setEndReason(reason);
      disconnect();
    },
    [disconnect],
  );
  const live = phase === "ready";

  const idle = useIdlePolicy({
    seconds: config.idleDisconnectSeconds,
    live,
    onExpire: () => end("idle"),
  });
  useHiddenTabPolicy({
    seconds: config.hiddenDisconnectSeconds,
    live,
    onExpire: () => end("hidden"),
  });
  const tabs = useTabLock({
    holding: phase !== "disconnected",
    onRelease: () => end("moved"),
  });
  const { online } = useNetworkPolicy({
    phase,
    resume,
    onLost: () => setEndReason("offline"),
  });

  const deadline = useSessionDeadline();
  const endRef = useRef(end);
  useEffect(() => {
    endRef.current = end;
  });
  useEffect(() => {
    if (deadline === undefined) return;
    // Reactor closes it anyway; ending it here frees the slot and says why,
    // instead of a "Stream interrupted" that cannot be resumed.
    const timer = setTimeout(
      () => endRef.current("limit"),
      Math.max(0, deadline - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [deadline]);

  const { otherTabLive, takeOver } = tabs;
  const { connect: sessionConnect } = controls;
  const connect = useCallback(() => {
    setEndReason(undefined);
    if (otherTabLive) takeOver(sessionConnect);
    else sessionConnect();
  }, [otherTabLive, takeOver, sessionConnect]);

  return {
    controls: { ...controls, connect },
    endReason: phase === "disconnected" ? endReason : undefined,
    otherTabLive: phase === "disconnected" && otherTabLive,
    online,
    idleWarningEndsAt: idle.warningEndsAt,
    keepWatching: idle.keep,
    deadline: live ? deadline : undefined,
  };
}
