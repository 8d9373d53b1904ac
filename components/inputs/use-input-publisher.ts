"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { useTrackPublishing } from "@/components/sdk-compat";
import { reportActivity } from "@/lib/activity";
import {
  InputPublisher,
  type InputKind,
} from "@/lib/media-input/input-publisher";

/**
 * One InputPublisher for a model input track, for as long as the component
 * is mounted (the session is live). Unmount and `pagehide` stop the device.
 */
export function useInputPublisher(name: string, kind: InputKind) {
  const { publish, unpublish } = useTrackPublishing(name);
  const [publisher] = useState(
    () =>
      new InputPublisher({
        kind,
        media:
          typeof navigator === "undefined" ? undefined : navigator.mediaDevices,
        secure: typeof window !== "undefined" && window.isSecureContext,
        publish,
        unpublish,
        onActivity: () => reportActivity(),
      }),
  );
  useEffect(() => {
    const stop = () => void publisher.stop();
    window.addEventListener("pagehide", stop);
    return () => {
      window.removeEventListener("pagehide", stop);
      publisher.dispose();
    };
  }, [publisher]);
  const state = useSyncExternalStore(
    (onChange) => publisher.subscribe(onChange),
    () => publisher.state,
    () => publisher.state,
  );
  return { publisher, state, devices: publisher.devices };
}
