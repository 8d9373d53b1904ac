// @vitest-environment node
import { statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { DEFAULT_CLIPS_DIR, loadClips } from "@/emulator/media/clips";
import { parseIvf } from "@/emulator/media/ivf";

function ivf(frames: Buffer[]): Buffer {
  const header = Buffer.alloc(32);
  header.write("DKIF", 0, "ascii");
  header.writeUInt16LE(32, 6);
  header.write("VP80", 8, "ascii");
  header.writeUInt16LE(640, 12);
  header.writeUInt16LE(360, 14);
  header.writeUInt32LE(30, 16);
  header.writeUInt32LE(1, 20);
  header.writeUInt32LE(frames.length, 24);
  const parts = frames.flatMap((frame, i) => {
    const frameHeader = Buffer.alloc(12);
    frameHeader.writeUInt32LE(frame.length, 0);
    frameHeader.writeBigUInt64LE(BigInt(i), 4);
    return [frameHeader, frame];
  });
  return Buffer.concat([header, ...parts]);
}

test("parses header and frames, and reads the VP8 keyframe bit", () => {
  const clip = parseIvf(
    ivf([Buffer.from([0x10, 1, 2]), Buffer.from([0x11, 3])]),
  );
  expect(clip).toMatchObject({
    codec: "VP80",
    width: 640,
    height: 360,
    fps: 30,
  });
  expect(
    clip.frames.map((frame) => [frame.keyframe, frame.data.length]),
  ).toEqual([
    [true, 3],
    [false, 2],
  ]);
});

test("rejects what is not IVF", () => {
  expect(() =>
    parseIvf(Buffer.from("not an ivf file at all, definitely not")),
  ).toThrow(/DKIF/);
});

test("the committed clips are 640x360 VP8 at 30 fps, keyframe every 30 frames, at most 200 KB", () => {
  const clips = loadClips();
  expect(clips.names).toEqual(["testsrc", "mandelbrot", "night"]);
  for (const name of clips.names) {
    const clip = clips.get(name)!;
    expect(clip).toMatchObject({
      codec: "VP80",
      width: 640,
      height: 360,
      fps: 30,
    });
    expect(clip.frames.length).toBeGreaterThanOrEqual(90);
    const keyframes = clip.frames.flatMap((frame, i) =>
      frame.keyframe ? [i] : [],
    );
    expect(keyframes.every((index) => index % 30 === 0)).toBe(true);
    expect(keyframes.length).toBe(Math.ceil(clip.frames.length / 30));
    expect(
      statSync(path.join(DEFAULT_CLIPS_DIR, `${name}.ivf`)).size,
    ).toBeLessThanOrEqual(200 * 1024);
  }
});
