// Ogg is the container ffmpeg writes Opus into (RFC 7845): pages start with
// "OggS", a 27-byte header and a segment table; a packet is a run of segments
// ending with one shorter than 255 bytes. The first two packets are the
// OpusHead and OpusTags headers; every later packet is one Opus packet that
// goes into one RTP packet as is (RFC 7587). No demuxer dependency needed.

export interface OpusPacket {
  data: Buffer;
  /** Duration at 48 kHz, from the packet's TOC byte (RFC 6716 §3.1). */
  samples: number;
}

const PAGE_HEADER_BYTES = 27;

export function parseOggOpus(buffer: Buffer): OpusPacket[] {
  const packets: Buffer[] = [];
  let pending: Buffer[] = [];
  let offset = 0;
  while (offset < buffer.length) {
    if (buffer.toString("ascii", offset, offset + 4) !== "OggS") {
      throw new Error(`not an Ogg page at byte ${offset} (missing OggS)`);
    }
    const segments = buffer.readUInt8(offset + 26);
    const table = buffer.subarray(
      offset + PAGE_HEADER_BYTES,
      offset + PAGE_HEADER_BYTES + segments,
    );
    let body = offset + PAGE_HEADER_BYTES + segments;
    for (const size of table) {
      pending.push(buffer.subarray(body, body + size));
      body += size;
      if (size < 255) {
        packets.push(Buffer.concat(pending));
        pending = [];
      }
    }
    offset = body;
  }
  const [head, tags, ...audio] = packets;
  if (head?.toString("ascii", 0, 8) !== "OpusHead") {
    throw new Error("not an Ogg Opus stream (no OpusHead)");
  }
  if (tags?.toString("ascii", 0, 8) !== "OpusTags") {
    throw new Error("Ogg Opus stream without OpusTags");
  }
  return audio
    .filter((data) => data.length > 0)
    .map((data) => ({ data, samples: opusSamples(data) }));
}

/** Samples per channel at 48 kHz in one Opus packet (TOC config and frame count code). */
export function opusSamples(packet: Buffer): number {
  const toc = packet[0]!;
  const config = toc >> 3;
  let frameSamples: number;
  if (config < 12) frameSamples = [480, 960, 1920, 2880][config % 4]!;
  else if (config < 16) frameSamples = config % 2 === 0 ? 480 : 960;
  else frameSamples = [120, 240, 480, 960][config % 4]!;
  const code = toc & 0x3;
  const frames = code === 0 ? 1 : code === 3 ? packet[1]! & 0x3f : 2;
  return frameSamples * frames;
}
