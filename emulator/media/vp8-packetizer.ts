// RFC 7741 VP8 RTP payloading, the minimal form browsers accept: a one-byte
// payload descriptor per packet (X=0, N=0, PartID=0) whose S bit marks the
// first packet of a frame. werift 0.24.4 exports no VP8 packetizer (0.25 does,
// but needs Node 22), hence this file. The RTP marker bit on a frame's last
// packet is set by the caller, which owns the RTP header.

/** Payload bytes per packet; keeps packets under a typical 1200-byte path MTU with headers and SRTP tag. */
const DEFAULT_MAX_PAYLOAD_BYTES = 1100;

const START_OF_PARTITION = 0x10;
const CONTINUATION = 0x00;

export function packetizeVp8(
  frame: Buffer,
  maxPayloadBytes = DEFAULT_MAX_PAYLOAD_BYTES,
): Buffer[] {
  const chunk = maxPayloadBytes - 1;
  if (chunk < 1) {
    throw new Error(
      "maxPayloadBytes must leave room for the payload descriptor",
    );
  }
  const packets: Buffer[] = [];
  for (let offset = 0; offset < frame.length; offset += chunk) {
    const body = frame.subarray(offset, Math.min(offset + chunk, frame.length));
    const descriptor = offset === 0 ? START_OF_PARTITION : CONTINUATION;
    packets.push(Buffer.concat([Buffer.from([descriptor]), body]));
  }
  return packets;
}
