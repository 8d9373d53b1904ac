"use client";

import { ReactorView } from "@reactor-team/js-sdk";
import type { RefObject } from "react";

interface Props {
  /** Shown over the black stage until video plays. */
  placeholder: string | undefined;
  audioTrack: string | undefined;
  usingEmulator: boolean;
  stageRef: RefObject<HTMLDivElement | null>;
}

/** Mounts the SDK's video view; everything else lives in the panels. */
export function VideoStage({
  placeholder,
  audioTrack,
  usingEmulator,
  stageRef,
}: Props) {
  return (
    <figure className="stage" ref={stageRef}>
      <ReactorView className="stage-video" audioTrack={audioTrack} />
      {placeholder && (
        <div className="stage-placeholder" aria-hidden="true">
          {placeholder}
        </div>
      )}
      {usingEmulator && (
        <figcaption className="stage-caption">
          Local emulator: a test pattern, not a model
        </figcaption>
      )}
    </figure>
  );
}
