import { describe, expect, it } from "vitest";
import { field } from "@test/fixtures/model-interface";
import {
  draftProblem,
  initialDraft,
  parseDraft,
  widgetFor,
} from "@/lib/controls/draft";

describe("widgetFor", () => {
  it("gives each field type its widget", () => {
    expect(widgetFor(field("a", { type: "string", enum: ["x"] }))).toBe(
      "select",
    );
    expect(widgetFor(field("a", { type: "boolean" }))).toBe("checkbox");
    expect(
      widgetFor(field("a", { type: "number", minimum: 0, maximum: 1 })),
    ).toBe("slider");
    expect(widgetFor(field("a", { type: "integer", minimum: 0 }))).toBe(
      "number",
    );
    expect(widgetFor(field("a", { type: "string", maxLength: 200 }))).toBe(
      "text",
    );
    expect(widgetFor(field("a", { type: "string", maxLength: 201 }))).toBe(
      "textarea",
    );
    expect(widgetFor(field("a", { type: "array" }))).toBe("json");
    expect(widgetFor(field("a", { type: "object" }))).toBe("json");
    expect(widgetFor(field("a", { type: "any" }))).toBe("json");
    expect(widgetFor(field("a", { type: "upload" }))).toBe("file");
  });
});

describe("initialDraft and parseDraft", () => {
  it("prefills every widget from the default and reads it back", () => {
    const cases = [
      field("e", { type: "string", enum: ["a", "b"], default: "b" }),
      field("b", { type: "boolean", default: true }),
      field("n", { type: "number", minimum: 0, maximum: 1, default: 0.25 }),
      field("i", { type: "integer", default: 7 }),
      field("s", { type: "string", default: "hi" }),
      field("j", { type: "array", default: [1, 2] }),
    ];
    expect(cases.map((f) => parseDraft(f, initialDraft(f)).value)).toEqual([
      "b",
      true,
      0.25,
      7,
      "hi",
      [1, 2],
    ]);
  });

  it("leaves out a number or JSON field left empty, and an enum with no choice", () => {
    for (const f of [
      field("i", { type: "integer" }),
      field("j", { type: "object" }),
      field("e", { type: "string", enum: ["a"] }),
    ]) {
      expect(parseDraft(f, initialDraft(f))).toEqual({ value: undefined });
    }
  });

  it("says why JSON does not parse", () => {
    const f = field("j", { type: "array" });
    expect(parseDraft(f, { kind: "text", text: "[1," }).error).toMatch(
      /^Not valid JSON/,
    );
  });

  it("says a number box holds no number", () => {
    const f = field("i", { type: "integer" });
    expect(parseDraft(f, { kind: "text", text: "1e" }).error).toBe(
      "Must be a number",
    );
  });
});

describe("draftProblem", () => {
  it("checks the parsed value against the schema", () => {
    const seed = field("seed", { type: "integer", minimum: 0, default: 0 });
    expect(draftProblem(seed, { kind: "text", text: "-1" })).toBe(
      "Must be at least 0",
    );
    expect(draftProblem(seed, { kind: "text", text: "1.5" })).toMatch(
      /whole number/,
    );
    expect(draftProblem(seed, { kind: "text", text: "3" })).toBeUndefined();
  });

  it("checks JSON against the field's schema, not just its syntax", () => {
    const steps = field("steps", {
      type: "array",
      schema: { type: "array", items: { type: "number" } },
    });
    expect(draftProblem(steps, { kind: "text", text: '[1, "x"]' })).toMatch(
      /Item 2/,
    );
  });

  it("marks a required field left empty", () => {
    const f = field("mode", { type: "string", enum: ["a", "b"] });
    expect(draftProblem(f, initialDraft(f))).toBe("Required");
  });

  it("refuses a file over the size limit before any upload", () => {
    const f = field("image", { type: "upload" });
    const file = new File(["x"], "big.png", { type: "image/png" });
    Object.defineProperty(file, "size", { value: 60 * 1024 * 1024 });
    expect(draftProblem(f, { kind: "file", file })).toMatch(/limit is 50 MB/);
  });
});
