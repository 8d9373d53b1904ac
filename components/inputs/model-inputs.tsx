"use client";

import type { TrackSpec } from "@/lib/model-schema/types";
import { TrackInput } from "./track-input";

interface Props {
  tracks: readonly TrackSpec[];
  /** Inputs exist only while the session is live: leaving unmounts and stops every device. */
  live: boolean;
}

/** A camera or microphone for each input (`sendonly`) track the model declares. */
export function ModelInputs({ tracks, live }: Props) {
  const inputs = tracks.filter((t) => t.direction === "sendonly");
  if (!live || inputs.length === 0) return null;
  return (
    <>
      {inputs.map((track) => (
        <TrackInput key={track.name} track={track} />
      ))}
    </>
  );
}
