"use client";

import { ReactorView } from "@reactor-team/js-sdk";
import type { RefObject } from "react";

interface Props {
  /** Shown over the black stage until video plays. */
  placeholder: string | undefined;
  /** The output video track on the stage; undefined until the model's tracks are known. */
  videoTrack: string | undefined;
  /** Played from the same MediaStream as the video, so the two stay in sync. */
  audioTrack: string | undefined;
  usingEmulator: boolean;
  stageRef: RefObject<HTMLDivElement | null>;
}

/** Mounts the SDK's video view; everything else lives in the panels. */
export function VideoStage({
  placeholder,
  videoTrack,
  audioTrack,
  usingEmulator,
  stageRef,
}: Props) {
  return (
    <figure
      className="stage"
      ref={stageRef}
      data-video-track={videoTrack}
      data-audio-track={audioTrack}
    >
      <ReactorView
        className="stage-video"
        track={videoTrack}
        audioTrack={audioTrack}
      />
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
