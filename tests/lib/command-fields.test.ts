import { describe, expect, it } from "vitest";
import { commandData, commandFields } from "@/lib/command-fields";

describe("commandFields", () => {
  it("reads Reactor's parameter-map schema", () => {
    const fields = commandFields({
      scene: { type: "string", enum: ["a", "b"], required: true },
      speed: { type: "number", minimum: 0, maximum: 2, description: "x" },
      ignored: { type: "object" },
    });
    expect(fields).toEqual([
      expect.objectContaining({
        name: "scene",
        kind: "string",
        options: ["a", "b"],
        required: true,
      }),
      expect.objectContaining({
        name: "speed",
        kind: "number",
        minimum: 0,
        maximum: 2,
        required: false,
      }),
    ]);
  });

  it("reads a JSON-Schema object with a required list", () => {
    const fields = commandFields({
      type: "object",
      properties: { loop: { type: "boolean" }, n: { type: "integer" } },
      required: ["n"],
    });
    expect(fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ["loop", "boolean", false],
      ["n", "integer", true],
    ]);
  });

  it("returns no fields for a missing or odd schema", () => {
    expect(commandFields(undefined)).toEqual([]);
    expect(commandFields("nope")).toEqual([]);
  });
});

describe("commandData", () => {
  it("turns form values into typed arguments and omits empty optional ones", () => {
    const fields = commandFields({
      scene: { type: "string" },
      speed: { type: "number" },
      loop: { type: "boolean" },
      skip: { type: "integer" },
    });
    const form = new FormData();
    form.set("scene", "bars");
    form.set("speed", "1.5");
    form.set("loop", "on");
    form.set("skip", "");
    expect(commandData(fields, form)).toEqual({
      scene: "bars",
      speed: 1.5,
      loop: true,
    });
  });
});
