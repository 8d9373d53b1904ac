// Pixel size from the first bytes of a PNG or JPEG, so a model can answer
// `image_accepted {width, height}` with the real figures of what was
// uploaded. PNG: the IHDR chunk follows the 8-byte signature
// (https://www.w3.org/TR/png/#11IHDR). JPEG: walk the marker segments to the
// first start-of-frame (SOF0–SOF15 except DHT, JPG and DAC), whose payload
// holds height then width (https://www.w3.org/Graphics/JPEG/itu-t81.pdf, B.2.2).

export interface ImageSize {
  width: number;
  height: number;
}

/** Bytes kept per upload for this: enough for a JPEG with a large EXIF block before its SOF. */
export const IMAGE_HEADER_BYTES = 256 * 1024;

const PNG_SIGNATURE = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
]);

export function imageSize(bytes: Buffer): ImageSize | null {
  if (bytes.length >= 24 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    if (bytes.toString("latin1", 12, 16) !== "IHDR") return null;
    return positive(bytes.readUInt32BE(16), bytes.readUInt32BE(20));
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    return jpegSize(bytes);
  }
  return null;
}

function jpegSize(bytes: Buffer): ImageSize | null {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    // Fill bytes, and markers without a length (TEM, RSTn).
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = bytes.readUInt16BE(at + 2);
    const isFrame =
      marker >= 0xc0 &&
      marker <= 0xcf &&
      marker !== 0xc4 &&
      marker !== 0xc8 &&
      marker !== 0xcc;
    if (isFrame) {
      if (at + 9 > bytes.length) return null;
      return positive(bytes.readUInt16BE(at + 7), bytes.readUInt16BE(at + 5));
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image / scan before any frame
    at += 2 + length;
  }
  return null;
}

function positive(width: number, height: number): ImageSize | null {
  return width > 0 && height > 0 ? { width, height } : null;
}
