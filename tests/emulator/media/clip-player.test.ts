// @vitest-environment node
import { afterEach, expect, test } from "vitest";
import { ClipPlayer, type VideoFrame } from "@/emulator/media/clip-player";
import type { ClipLibrary } from "@/emulator/media/clips";
import type { IvfClip } from "@/emulator/media/ivf";

// Tiny synthetic clips: byte 0 is the VP8 frame tag (bit 0 clear = keyframe), byte 1 tells clips apart.
const clip = (id: number, length: number, keyEvery: number): IvfClip => ({
  codec: "VP80",
  width: 640,
  height: 360,
  fps: 30,
  frames: Array.from({ length }, (_, i) => ({
    data: Buffer.from([i % keyEvery === 0 ? 0 : 1, id, i]),
    keyframe: i % keyEvery === 0,
  })),
});
const clips: ClipLibrary = {
  names: ["a", "b"],
  get: (name) => ({ a: clip(1, 12, 6), b: clip(2, 12, 6) })[name],
};

let player: ClipPlayer;
afterEach(() => player?.stop());

const collect = (p: ClipPlayer) => {
  const frames: VideoFrame[] = [];
  p.subscribe((frame) => frames.push(frame));
  return frames;
};
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// Poll instead of fixed sleeps: the machine running tests may be busy.
const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await wait(10);
  expect(condition()).toBe(true);
};
const indexOf = (frame: VideoFrame) => [frame.data[1], frame.data[2]];

test("plays from a keyframe, one 90 kHz frame interval per frame, looping the clip", async () => {
  player = new ClipPlayer(clips);
  const frames = collect(player);
  await until(() => frames.length >= 14);
  expect(frames[0]!.keyframe).toBe(true);
  expect(frames.slice(0, 14).map((frame) => indexOf(frame)[1])).toEqual([
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0, 1,
  ]);
  const steps = frames
    .slice(1)
    .map((frame, i) => frame.timestamp - frames[i]!.timestamp);
  expect(new Set(steps)).toEqual(new Set([3000]));
});

test("set_scene starts the other clip at its keyframe; pause stops frames but not the clock", async () => {
  player = new ClipPlayer(clips);
  const frames = collect(player);
  await until(() => frames.length >= 3);
  expect(player.setScene("b")).toBe(true);
  expect(player.setScene("nope")).toBe(false);
  await until(() => frames.some((frame) => frame.data[1] === 2));
  const first = frames.find((frame) => frame.data[1] === 2)!;
  expect(first.keyframe).toBe(true);
  expect(indexOf(first)).toEqual([2, 0]);

  player.pause();
  await wait(40);
  const count = frames.length;
  const lastTimestamp = frames.at(-1)!.timestamp;
  await wait(200);
  expect(frames.length).toBe(count);
  expect(player.snapshot()).toMatchObject({
    scene: "b",
    paused: true,
    frame: count,
  });
  player.resume();
  await until(() => frames.length > count);
  // About 200 ms of paused ticks passed: the timestamp jumped by more than one frame.
  expect(frames[count]!.timestamp - lastTimestamp).toBeGreaterThanOrEqual(
    3000 * 5,
  );
});

test("a keyframe request restarts the current group of pictures (after a short cooldown)", async () => {
  player = new ClipPlayer(clips, { keyframeCooldownMs: 0 });
  const frames = collect(player);
  // Inside the first group of pictures (keyframes at 0 and 6).
  await until(() => frames.length >= 2);
  const requestedAt = frames.length;
  expect(requestedAt).toBeLessThan(6);
  player.requestKeyframe();
  await until(() => frames.slice(requestedAt).some((frame) => frame.keyframe));
  // The next keyframe is the restarted group's frame 0, not the natural one at frame 6.
  const next = frames.slice(requestedAt).find((frame) => frame.keyframe)!;
  expect(indexOf(next)[1]).toBe(0);
});
