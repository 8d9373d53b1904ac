// @vitest-environment node
import {
  PictureLossIndication,
  RtcpPayloadSpecificFeedback,
  RtcpRrPacket,
} from "werift";
import { expect, test } from "vitest";
import { isKeyframeRequest } from "@/emulator/media/video-output";
import { packetizeVp8 } from "@/emulator/media/vp8-packetizer";

test("PLI for our SSRC is a keyframe request; for another SSRC it is not", () => {
  const pli = (mediaSsrc: number) =>
    new RtcpPayloadSpecificFeedback({
      feedback: new PictureLossIndication({ senderSsrc: 1, mediaSsrc }),
    });
  expect(isKeyframeRequest(pli(42), 42)).toBe(true);
  expect(isKeyframeRequest(pli(7), 42)).toBe(false);
  expect(isKeyframeRequest(new RtcpRrPacket({ ssrc: 1 }), 42)).toBe(false);
});

test("FIR names the SSRC in its entries (its media SSRC field is 0)", () => {
  const fir = (ssrc: number) =>
    ({
      type: 206,
      feedback: {
        count: 4,
        senderSsrc: 1,
        mediaSsrc: 0,
        fir: [{ ssrc, sequenceNumber: 1 }],
      },
    }) as never;
  expect(isKeyframeRequest(fir(42), 42)).toBe(true);
  expect(isKeyframeRequest(fir(7), 42)).toBe(false);
});

// RFC 7741 payloads (media/vp8-packetizer.ts), what VideoOutput sends.

test("splits a frame into descriptor-prefixed chunks: S bit on the first only", () => {
  const frame = Buffer.from(Array.from({ length: 25 }, (_, i) => i));
  const packets = packetizeVp8(frame, 10);
  expect(packets.map((packet) => packet.length)).toEqual([10, 10, 8]);
  expect(packets.map((packet) => packet[0])).toEqual([0x10, 0x00, 0x00]);
  expect(Buffer.concat(packets.map((packet) => packet.subarray(1)))).toEqual(
    frame,
  );
});

test("a small frame is one packet", () => {
  expect(packetizeVp8(Buffer.from([1, 2, 3]))).toEqual([
    Buffer.from([0x10, 1, 2, 3]),
  ]);
});

test("default packets stay under a conservative MTU", () => {
  const packets = packetizeVp8(Buffer.alloc(50_000));
  expect(
    Math.max(...packets.map((packet) => packet.length)),
  ).toBeLessThanOrEqual(1100);
});
