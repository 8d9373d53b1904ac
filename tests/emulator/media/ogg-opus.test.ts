// @vitest-environment node
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { DEFAULT_CLIPS_DIR, loadClips } from "@/emulator/media/clips";
import { opusSamples, parseOggOpus } from "@/emulator/media/ogg-opus";

test("the committed voice clip is 4 s of 20 ms Opus packets", () => {
  const packets = parseOggOpus(
    readFileSync(new URL("voice.ogg", `file://${DEFAULT_CLIPS_DIR}`)),
  );
  const samples = packets.reduce((sum, packet) => sum + packet.samples, 0);
  expect(packets.every((packet) => packet.samples === 960)).toBe(true);
  // Opus pre-skip adds a packet or so; 4 s at 48 kHz is 192 000 samples.
  expect(samples).toBeGreaterThanOrEqual(192_000);
  expect(samples).toBeLessThan(192_000 + 5 * 960);
  expect(loadClips().audio).toHaveLength(packets.length);
});

test("TOC byte: frame size and count", () => {
  // config 1 (SILK NB 20 ms), code 0: one frame.
  expect(opusSamples(Buffer.from([1 << 3]))).toBe(960);
  // config 31 (CELT FB 20 ms), code 1: two frames.
  expect(opusSamples(Buffer.from([(31 << 3) | 1]))).toBe(1920);
  // config 16 (CELT NB 2.5 ms), code 3 with 4 frames.
  expect(opusSamples(Buffer.from([(16 << 3) | 3, 4]))).toBe(480);
});

test("anything but Ogg Opus is refused with a reason", () => {
  expect(() => parseOggOpus(Buffer.from("RIFF....WAVE"))).toThrow(
    /not an Ogg page/,
  );
});
