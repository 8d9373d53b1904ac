"use client";

import { ReactorView } from "@reactor-team/js-sdk";
import type { RefObject } from "react";
import { stage, stagePlaceholder } from "@/components/class-names";

interface Props {
  /** Shown over the black stage until video plays. */
  placeholder: string | undefined;
  /** The output video track on the stage; undefined until the model's tracks are known. */
  videoTrack: string | undefined;
  /** Played from the same MediaStream as the video, so the two stay in sync. */
  audioTrack: string | undefined;
  usingEmulator: boolean;
  /** A session is under way: from Connect until it ends. */
  underway: boolean;
  stageRef: RefObject<HTMLDivElement | null>;
}

/**
 * Mounts the SDK's video view while a session is under way; everything else
 * lives in the panels. Not before: the page's first <video> costs the browser
 * its media styles, a 20-25 ms task on the benchmark machine (about four
 * times that on a phone), which in idle time would block input. Intent on
 * Connect pays that in advance (lib/warm-media-styles.ts), so on the click
 * the view mounts in about 4 ms.
 */
export function VideoStage({
  placeholder,
  videoTrack,
  audioTrack,
  usingEmulator,
  underway,
  stageRef,
}: Props) {
  return (
    <figure
      className={stage}
      data-testid="stage"
      ref={stageRef}
      data-video-track={videoTrack}
      data-audio-track={audioTrack}
    >
      {underway && (
        <ReactorView
          className="absolute inset-0"
          track={videoTrack}
          audioTrack={audioTrack}
        />
      )}
      {placeholder && (
        <div className={stagePlaceholder} aria-hidden="true">
          {placeholder}
        </div>
      )}
      {usingEmulator && (
        <figcaption className="absolute right-2 bottom-2 rounded-md bg-black/70 px-2 py-[0.15rem] text-fine text-warn">
          Local emulator: a test pattern, not a model
        </figcaption>
      )}
    </figure>
  );
}
