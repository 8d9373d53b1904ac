import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseIvf, type IvfClip } from "./ivf";
import { parseOggOpus, type OpusPacket } from "./ogg-opus";

// Clips are made by scripts/make-clips.sh and committed; the scene name is the file name.
export const DEFAULT_CLIPS_DIR = fileURLToPath(
  new URL("../clips/", import.meta.url),
);

export interface ClipLibrary {
  /** Scene names in a stable order; the first one is what a new session shows. */
  names: string[];
  get(name: string): IvfClip | undefined;
  /** Opus packets of the first `.ogg` clip: what models with an audio track say. */
  audio?: readonly OpusPacket[];
}

export function loadClips(dir: string = DEFAULT_CLIPS_DIR): ClipLibrary {
  const clips = new Map<string, IvfClip>();
  const files = readdirSync(dir)
    .filter((file) => file.endsWith(".ivf"))
    .sort();
  for (const file of files) {
    const clip = parseIvf(readFileSync(path.join(dir, file)));
    if (clip.codec !== "VP80") {
      throw new Error(`${file}: expected VP8, got ${clip.codec}`);
    }
    if (!clip.frames[0]?.keyframe) {
      throw new Error(`${file}: first frame is not a keyframe`);
    }
    clips.set(path.basename(file, ".ivf"), clip);
  }
  if (clips.size === 0) {
    throw new Error(`no .ivf clips in ${dir}; run scripts/make-clips.sh`);
  }
  // testsrc first when present: bright bars make "is video playing?" obvious.
  const names = [...clips.keys()].sort(
    (a, b) => Number(b === "testsrc") - Number(a === "testsrc"),
  );
  const audioFile = readdirSync(dir)
    .filter((file) => file.endsWith(".ogg"))
    .sort()[0];
  const audio = audioFile
    ? parseOggOpus(readFileSync(path.join(dir, audioFile)))
    : undefined;
  return { names, get: (name) => clips.get(name), audio };
}
