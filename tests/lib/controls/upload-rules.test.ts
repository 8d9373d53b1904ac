import { describe, expect, it } from "vitest";
import { field } from "@test/fixtures/model-interface";
import { acceptFor, fileProblem } from "@/lib/controls/upload-rules";

const png = (bytes = 3) =>
  new File([new Uint8Array(bytes)], "a.png", { type: "image/png" });

describe("acceptFor", () => {
  it("prefers the declared media type, then the field's name", () => {
    const declared = field("file", {
      type: "upload",
      schema: { contentMediaType: "image/jpeg" },
    });
    expect(acceptFor(declared)).toBe("image/jpeg");
    expect(acceptFor(field("reference_image", { type: "upload" }))).toBe(
      "image/*",
    );
    expect(acceptFor(field("video", { type: "upload" }))).toBe("video/*");
    expect(acceptFor(field("weights", { type: "upload" }))).toBeUndefined();
  });
});

describe("fileProblem", () => {
  const image = field("image", { type: "upload" });

  it("accepts a file that fits", () => {
    expect(fileProblem(image, png())).toBeUndefined();
  });

  it("refuses an empty file, a file over the limit and the wrong type", () => {
    expect(fileProblem(image, png(0))).toMatch(/empty/);
    expect(fileProblem(image, png(10), 5)).toMatch(/limit/);
    const text = new File(["x"], "a.txt", { type: "text/plain" });
    expect(fileProblem(image, text)).toBe(
      "Choose a file of type image/* (this one is text/plain)",
    );
  });
});
