"use client";

import { useReactor } from "@reactor-team/js-sdk";
import { useEffect, useState } from "react";
import { SESSION_MAX_MS } from "@/lib/policies/session-clock";

/**
 * When Reactor will end the current session (lib/policies/session-clock.ts),
 * counted from the moment its id arrived; unchanged across reconnect(), which
 * keeps the session. Undefined without a session.
 */
export function useSessionDeadline(): number | undefined {
  const reactor = useReactor((s) => s.internal.reactor);
  const [deadline, setDeadline] = useState<number>();
  useEffect(() => {
    const onSessionId = (id: string | undefined) =>
      setDeadline(id ? Date.now() + SESSION_MAX_MS : undefined);
    reactor.on("sessionIdChanged", onSessionId);
    return () => reactor.off("sessionIdChanged", onSessionId);
  }, [reactor]);
  return deadline;
}
