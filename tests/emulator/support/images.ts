import { crc32, deflateSync } from "node:zlib";

// Images for upload tests, built in code rather than committed: a real,
// decodable grayscale PNG of any size, and the marker layout of a JPEG up to
// its start-of-frame (what the size reader walks), optionally behind a large
// APP1 (EXIF) segment as cameras write it.

export function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // grayscale
  // Each row: filter byte 0, then one byte per pixel.
  const pixels = Buffer.alloc((width + 1) * height, 0x80);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(pixels)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

export function jpegHead(
  width: number,
  height: number,
  { exifBytes = 0, progressive = false } = {},
): Buffer {
  const segment = (marker: number, payload: Buffer) => {
    const head = Buffer.from([0xff, marker, 0, 0]);
    head.writeUInt16BE(payload.length + 2, 2);
    return Buffer.concat([head, payload]);
  };
  const frame = Buffer.alloc(15);
  frame[0] = 8; // precision
  frame.writeUInt16BE(height, 1);
  frame.writeUInt16BE(width, 3);
  frame[5] = 3; // components
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from("JFIF\0\x01\x01\0\0\x01\0\x01\0\0", "latin1")),
    ...(exifBytes ? [segment(0xe1, Buffer.alloc(exifBytes, 0x45))] : []),
    segment(0xdb, Buffer.alloc(65)),
    // A Huffman table (0xC4) sits in the SOF range and must be skipped.
    segment(0xc4, Buffer.alloc(20)),
    segment(progressive ? 0xc2 : 0xc0, frame),
    Buffer.from([0xff, 0xda, 0, 2, 0xff, 0xd9]),
  ]);
}
