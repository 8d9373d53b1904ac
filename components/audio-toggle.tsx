"use client";

import { useEffect, useState, type RefObject } from "react";
import { button } from "@/components/class-names";

interface Props {
  stageRef: RefObject<HTMLDivElement | null>;
  /** True once a model audio track is playing through the stage's video element. */
  active: boolean;
}

/**
 * Video starts muted so autoplay always works. When the model has audio we
 * try to unmute; only if the browser refuses (autoplay policy) does a button
 * appear, because a click is what the browser needs to allow sound.
 */
export function AudioToggle({ stageRef, active }: Props) {
  const [blocked, setBlocked] = useState(false);

  useEffect(() => {
    const video = stageRef.current?.querySelector("video");
    if (!active || !video) return;
    let live = true;
    video.muted = false;
    video.play().catch(() => {
      if (!live) return;
      video.muted = true;
      void video.play().catch(() => undefined);
      setBlocked(true);
    });
    return () => {
      live = false;
    };
  }, [active, stageRef]);

  if (!active || !blocked) return null;

  function enable() {
    const video = stageRef.current?.querySelector("video");
    if (!video) return;
    video.muted = false;
    video.play().then(
      () => setBlocked(false),
      () => {
        video.muted = true;
      },
    );
  }

  return (
    <button type="button" className={button} onClick={enable}>
      Enable audio
    </button>
  );
}
