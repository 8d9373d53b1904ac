"use client";

import { useReactor, type Capabilities } from "@reactor-team/js-sdk";
import { useCallback, useSyncExternalStore } from "react";

/**
 * The model's declared tracks and commands, from the session body. 2.9.0
 * keeps them on the Reactor instance (not in the store), so subscribe to its
 * events; the instance changes when the provider replaces its store.
 */
export function useCapabilities(): Capabilities | undefined {
  const reactor = useReactor((s) => s.internal.reactor);
  const subscribe = useCallback(
    (onChange: () => void) => {
      reactor.on("capabilitiesReceived", onChange);
      reactor.on("statusChanged", onChange);
      return () => {
        reactor.off("capabilitiesReceived", onChange);
        reactor.off("statusChanged", onChange);
      };
    },
    [reactor],
  );
  return useSyncExternalStore(
    subscribe,
    () => reactor.getCapabilities(),
    () => undefined,
  );
}
