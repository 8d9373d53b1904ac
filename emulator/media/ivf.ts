// IVF is the simplest container ffmpeg writes VP8 into: a 32-byte file header,
// then per frame a 12-byte header (u32 size, u64 pts, little-endian) and the
// raw VP8 frame. No demuxer dependency needed.

export interface IvfFrame {
  data: Buffer;
  /** VP8 keyframe: bit 0 of the first byte (the frame-type bit) is clear (RFC 6386 §9.1). */
  keyframe: boolean;
}

export interface IvfClip {
  codec: string;
  width: number;
  height: number;
  fps: number;
  frames: IvfFrame[];
}

const FILE_HEADER_BYTES = 32;
const FRAME_HEADER_BYTES = 12;

export function parseIvf(buffer: Buffer): IvfClip {
  if (
    buffer.length < FILE_HEADER_BYTES ||
    buffer.toString("ascii", 0, 4) !== "DKIF"
  ) {
    throw new Error("not an IVF file (missing DKIF signature)");
  }
  const headerBytes = buffer.readUInt16LE(6);
  const codec = buffer.toString("ascii", 8, 12);
  const width = buffer.readUInt16LE(12);
  const height = buffer.readUInt16LE(14);
  const rate = buffer.readUInt32LE(16);
  const scale = buffer.readUInt32LE(20);
  const frames: IvfFrame[] = [];
  let offset = headerBytes || FILE_HEADER_BYTES;
  while (offset + FRAME_HEADER_BYTES <= buffer.length) {
    const size = buffer.readUInt32LE(offset);
    const start = offset + FRAME_HEADER_BYTES;
    if (size === 0 || start + size > buffer.length) break;
    const data = buffer.subarray(start, start + size);
    frames.push({ data, keyframe: (data[0]! & 0x01) === 0 });
    offset = start + size;
  }
  if (frames.length === 0) throw new Error("IVF file has no frames");
  return { codec, width, height, fps: scale > 0 ? rate / scale : 30, frames };
}
