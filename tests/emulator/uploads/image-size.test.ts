// @vitest-environment node
import { expect, test } from "vitest";
import { imageSize } from "@/emulator/uploads/image-size";
import { jpegHead, png } from "@test/emulator/support/images";

test("PNG: the size comes from IHDR", () => {
  expect(imageSize(png(320, 200))).toEqual({ width: 320, height: 200 });
  expect(imageSize(png(1, 4000))).toEqual({ width: 1, height: 4000 });
});

test("JPEG: baseline, progressive, and behind a large EXIF block", () => {
  expect(imageSize(jpegHead(640, 360))).toEqual({ width: 640, height: 360 });
  expect(imageSize(jpegHead(1920, 1080, { progressive: true }))).toEqual({
    width: 1920,
    height: 1080,
  });
  expect(imageSize(jpegHead(4032, 3024, { exifBytes: 60_000 }))).toEqual({
    width: 4032,
    height: 3024,
  });
});

test("anything else, or a truncated header, has no size", () => {
  expect(imageSize(Buffer.from("\x89PNG fake image bytes"))).toBeNull();
  expect(imageSize(Buffer.from("GIF89a......"))).toBeNull();
  expect(imageSize(jpegHead(640, 360).subarray(0, 30))).toBeNull();
  expect(imageSize(png(0, 10))).toBeNull();
  expect(imageSize(Buffer.alloc(0))).toBeNull();
});
