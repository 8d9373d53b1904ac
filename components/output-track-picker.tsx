"use client";

import { button } from "@/components/class-names";

interface Props {
  tracks: readonly string[];
  selected: string | undefined;
  onSelect(name: string): void;
}

/** When the model sends more than one video track: which one the stage shows. */
export function OutputTrackPicker({ tracks, selected, onSelect }: Props) {
  if (tracks.length < 2) return null;
  return (
    <div
      className="mt-2 flex gap-2"
      role="group"
      aria-label="Video track shown"
    >
      {tracks.map((name) => (
        <button
          key={name}
          type="button"
          className={button}
          aria-pressed={name === selected}
          onClick={() => onSelect(name)}
        >
          {name}
        </button>
      ))}
    </div>
  );
}
