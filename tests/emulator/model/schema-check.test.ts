// @vitest-environment node
import { expect, test } from "vitest";
import {
  UPLOAD_REFERENCE,
  type OpenApiDocument,
} from "@/emulator/model/openapi";
import { event } from "@/emulator/model/profiles/schema-builders";
import { checkCommand } from "@/emulator/model/schema-check";

const doc: OpenApiDocument = {
  openapi: "3.1.0",
  info: { title: "t", version: "v1.0.0" },
  "x-reactor": { tracks: [] },
  paths: Object.fromEntries([
    event(
      "move",
      "Move",
      {
        direction: { type: "string", enum: ["left", "right"] },
        speed: { type: "number", minimum: 0, maximum: 30, default: 5 },
        steps: { type: "integer", default: 1 },
        label: { type: "string", maxLength: 4, default: "" },
        note: { anyOf: [{ type: "string" }, { type: "null" }], default: null },
      },
      ["direction"],
    ),
    event("legacy_style", "No required list", {
      prompt: { type: "string" },
      seed: { type: "integer", default: 0 },
    }),
    event(
      "set_image",
      "Image",
      {
        image: { $ref: "#/components/schemas/ReactorUploadReference" },
      },
      ["image"],
    ),
  ]),
  components: { schemas: { ReactorUploadReference: UPLOAD_REFERENCE } },
};

test("a valid command passes with its defaults filled in", () => {
  expect(checkCommand(doc, "move", { direction: "left" })).toEqual({
    ok: true,
    args: { direction: "left", speed: 5, steps: 1, label: "", note: null },
  });
  // The runtime accepts an integral float for an integer field.
  expect(checkCommand(doc, "move", { direction: "right", steps: 2.0 }).ok).toBe(
    true,
  );
  expect(checkCommand(doc, "move", { direction: "right", note: "hi" }).ok).toBe(
    true,
  );
});

test.each([
  ["unknown event", "fly", {}, /unknown event "fly"/],
  ["body not an object", "move", [1], /not an object/],
  ["missing required", "move", {}, /missing required field direction/],
  ["not in the enum", "move", { direction: "up" }, /one of "left", "right"/],
  [
    "wrong type",
    "move",
    { direction: "left", speed: "5" },
    /speed must be a number/,
  ],
  ["below minimum", "move", { direction: "left", speed: -1 }, /≥ 0/],
  ["above maximum", "move", { direction: "left", speed: 31 }, /≤ 30/],
  ["fractional integer", "move", { direction: "left", steps: 1.5 }, /integer/],
  ["too long", "move", { direction: "left", label: "12345" }, /at most 4/],
  ["no anyOf arm fits", "move", { direction: "left", note: 3 }, /none of/],
  ["no required list: no default means required", "legacy_style", {}, /prompt/],
  [
    "upload reference incomplete",
    "set_image",
    { image: { upload_id: "u" } },
    /image\.name/,
  ],
])("%s is rejected with a reason", (_, name, data, why) => {
  const result = checkCommand(doc, name, data);
  expect(result.ok).toBe(false);
  expect(!result.ok && result.why).toMatch(why);
});
