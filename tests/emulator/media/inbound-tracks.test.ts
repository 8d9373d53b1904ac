// @vitest-environment node
import { RtpHeader, RtpPacket } from "werift";
import { expect, test, vi } from "vitest";
import { InboundTracks } from "@/emulator/media/inbound-tracks";

const packet = (sequenceNumber: number) =>
  new RtpPacket(new RtpHeader({ sequenceNumber }), Buffer.from([0x10]));

test("counts packets per track and relays only the chosen one", () => {
  const inbound = new InboundTracks();
  const relayed: number[] = [];
  inbound.subscribe((p) => relayed.push(p.header.sequenceNumber));
  inbound.receive("source", packet(1));
  inbound.receive("mic", packet(2));
  inbound.relay("source");
  inbound.receive("source", packet(3));
  inbound.receive("mic", packet(4));
  inbound.relay(null);
  inbound.receive("source", packet(5));
  expect(inbound.packets).toEqual({ source: 3, mic: 2 });
  expect(relayed).toEqual([3]);
});

test("flowing means a packet arrived recently", () => {
  vi.useFakeTimers();
  try {
    const inbound = new InboundTracks();
    expect(inbound.flowing("source")).toBe(false);
    inbound.receive("source", packet(1));
    expect(inbound.flowing("source")).toBe(true);
    vi.advanceTimersByTime(1_500);
    expect(inbound.flowing("source")).toBe(false);
  } finally {
    vi.useRealTimers();
  }
});

test("relaying asks the client for a keyframe, and so does a viewer's request", () => {
  const inbound = new InboundTracks();
  const ask = vi.fn();
  const unregister = inbound.onKeyframeRequest("source", ask);
  inbound.requestKeyframe();
  expect(ask).not.toHaveBeenCalled();
  inbound.relay("source");
  expect(ask).toHaveBeenCalledTimes(1);
  inbound.requestKeyframe();
  expect(ask).toHaveBeenCalledTimes(2);
  unregister();
  inbound.requestKeyframe();
  expect(ask).toHaveBeenCalledTimes(2);
});
