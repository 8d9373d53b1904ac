// @vitest-environment node
import { describe, expect, it } from "vitest";
import { parseCapabilities, parseModelSchema } from "@/lib/model-schema/parse";
import type { ModelInterface } from "@/lib/model-schema/types";
import { validateEventData, validateField } from "@/lib/model-schema/validate";
import cycles from "@test/fixtures/model-schema/malformed-cycles.json";
import dangling from "@test/fixtures/model-schema/malformed-dangling-refs.json";
import wrongTypes from "@test/fixtures/model-schema/malformed-wrong-types.json";
import helios from "@test/fixtures/model-schema/helios.json";
import legacy from "@test/fixtures/model-schema/legacy-capabilities.json";
import lingbot from "@test/fixtures/model-schema/lingbot.json";
import runtime3 from "@test/fixtures/model-schema/runtime-3.json";

const FILE_REF = { uploadId: "u1", name: "cat.jpg", mimeType: "image/jpeg" };

function lookup(model: ModelInterface) {
  const event = (name: string) => {
    const found = model.events.find((e) => e.name === name);
    if (!found) throw new Error(`no event ${name}`);
    return found;
  };
  const field = (eventName: string, name: string) => {
    const found = event(eventName).fields.find((f) => f.name === name);
    if (!found) throw new Error(`no field ${eventName}.${name}`);
    return found;
  };
  return { event, field };
}

describe("Helios", () => {
  const { event, field } = lookup(parseModelSchema(helios));

  it("accepts every command sent with its defaults, or with nothing", () => {
    for (const e of parseModelSchema(helios).events) {
      const defaults = Object.fromEntries(
        e.fields.map((f) => [f.name, f.default]),
      );
      expect(validateEventData(e, defaults), e.name).toEqual([]);
      expect(validateEventData(e, {}), e.name).toEqual([]);
    }
  });

  it("checks bounds on numbers", () => {
    const strength = field("set_image_strength", "image_strength");
    expect(validateField(strength, 0)).toBeUndefined();
    expect(validateField(strength, 1)).toBeUndefined();
    expect(validateField(strength, 1.5)).toBe("Must be at most 1");
    expect(validateField(strength, -0.1)).toBe("Must be at least 0");
    expect(validateField(strength, "0.5")).toBe("Must be a number");
    expect(validateField(strength, Number.NaN)).toBe("Must be a number");
  });

  it("wants whole numbers for integer fields", () => {
    const chunk = field("schedule_prompt", "chunk");
    expect(validateField(chunk, 3)).toBeUndefined();
    expect(validateField(chunk, 3.5)).toBe("Must be a whole number");
    expect(validateField(chunk, -1)).toBe("Must be at least 0");
  });

  it("checks enums", () => {
    const scale = field("set_sr_scale", "sr_scale");
    expect(validateField(scale, "4x")).toBeUndefined();
    expect(validateField(scale, "8x")).toBe("Must be one of: off, 2x, 4x");
  });

  it("lets an optional upload be absent or null", () => {
    const image = field("set_image", "image");
    expect(validateField(image, undefined)).toBeUndefined();
    expect(validateField(image, null)).toBeUndefined();
    expect(validateField(image, FILE_REF)).toBeUndefined();
    expect(validateField(image, "cat.jpg")).toBe("Must be an uploaded file");
  });

  it("rejects keys the command does not declare", () => {
    expect(validateEventData(event("start"), { prompt: "x" })).toEqual([
      { field: "prompt", message: "Not a parameter of start" },
    ]);
  });
});

describe("runtime 3.x document", () => {
  const { event, field } = lookup(parseModelSchema(runtime3));

  it("requires fields in the required list", () => {
    expect(validateEventData(event("set_prompt"), {})).toEqual([
      { field: "prompt", message: "Required" },
    ]);
    expect(
      validateEventData(event("set_prompt"), { prompt: "a forest" }),
    ).toEqual([]);
  });

  it("counts string length in characters, not UTF-16 units", () => {
    const negative = field("set_negative_prompt", "negative_prompt");
    expect(validateField(negative, "🌲".repeat(200))).toBeUndefined();
    expect(validateField(negative, "a".repeat(201))).toBe(
      "Must be at most 200 characters",
    );
    expect(
      validateField({ ...negative, minLength: 1, maxLength: undefined }, ""),
    ).toBe("Must be at least 1 character");
  });

  it("accepts null for a nullable field, even a required one, but not absence", () => {
    const negative = field("set_negative_prompt", "negative_prompt");
    expect(validateField(negative, null)).toBeUndefined();
    expect(validateField(negative, undefined)).toBe("Required");
    const seed = field("set_seed", "seed");
    expect(validateField(seed, null)).toBeUndefined();
    expect(validateField(seed, 7)).toBeUndefined();
    expect(validateField(seed, -1)).toBe("Must be at least 0");
  });

  it("refuses null for a field that is not nullable", () => {
    expect(validateField(field("set_prompt", "prompt"), null)).toBe("Required");
    expect(validateField(field("set_strength", "strength"), null)).toBe(
      "Must be a number",
    );
  });

  it("requires a required upload and accepts a FileRef object", () => {
    const image = field("set_image", "image");
    expect(validateField(image, undefined)).toBe("Required");
    expect(validateField(image, null)).toBe("Required");
    expect(validateField(image, FILE_REF)).toBeUndefined();
    const reference = field("set_reference", "reference");
    expect(validateField(reference, null)).toBeUndefined();
  });

  it("checks each item of an array", () => {
    const pose = field("set_camera_pose", "camera_pose");
    expect(validateField(pose, [0, 0.1, 0, 0, 0, 1])).toBeUndefined();
    expect(validateField(pose, [])).toBeUndefined();
    expect(validateField(pose, [0, "up"])).toBe("Item 2: Must be a number");
    expect(validateField(pose, { x: 1 })).toBe("Must be a list");
  });

  it("checks an object's additional properties", () => {
    const weights = field("set_weights", "weights");
    expect(validateField(weights, { a: 1, b: 0 })).toBeUndefined();
    expect(validateField(weights, { a: -1 })).toBe('"a": Must be at least 0');
    expect(validateField(weights, [1])).toBe("Must be an object");
  });

  it("accepts any JSON value for {} but still requires it when required", () => {
    const extra = field("set_weights", "extra");
    for (const value of [null, 0, "x", [1], { a: { b: [] } }, false]) {
      expect(validateField(extra, value)).toBeUndefined();
    }
    expect(validateField(extra, undefined)).toBe("Required");
  });

  it("validates a body that came by $ref", () => {
    expect(
      validateEventData(event("set_style"), { style: "oil", intensity: 11 }),
    ).toEqual([
      { field: "style", message: "Must be one of: photo, sketch, anime" },
      { field: "intensity", message: "Must be at most 10" },
    ]);
  });

  it("says the data must be an object", () => {
    expect(
      validateEventData(
        event("get_state"),
        "x" as unknown as Record<string, unknown>,
      ),
    ).toEqual([{ message: "The command's data must be an object" }]);
  });
});

describe("LingBot", () => {
  const { event, field } = lookup(parseModelSchema(lingbot));

  it("accepts each declared movement and rejects others", () => {
    const movement = field("set_movement", "movement");
    for (const value of movement.enum ?? []) {
      expect(validateField(movement, value)).toBeUndefined();
    }
    expect(validateField(movement, "jump")).toMatch(/^Must be one of: idle,/);
    expect(validateField(movement, undefined)).toBe("Required");
  });

  it("checks the prompt cap and the rotation bounds", () => {
    expect(validateField(field("set_prompt", "prompt"), "a".repeat(1001))).toBe(
      "Must be at most 1000 characters",
    );
    expect(
      validateEventData(event("set_rotation_speed_deg"), {
        rotation_speed_deg: 31,
      }),
    ).toEqual([{ field: "rotation_speed_deg", message: "Must be at most 30" }]);
    expect(validateEventData(event("start"), {})).toEqual([]);
  });
});

describe("legacy capabilities", () => {
  const { event, field } = lookup(parseCapabilities(legacy, "capabilities"));

  it("uses the per-field required flag", () => {
    expect(validateEventData(event("set_prompt"), {})).toEqual([
      { field: "prompt", message: "Required" },
    ]);
    expect(validateEventData(event("set_sr_scale"), {})).toEqual([]);
    expect(validateField(field("set_sr_scale", "sr_scale"), "3x")).toBe(
      "Must be one of: off, 2x, 4x",
    );
  });

  it("treats legacy file parameters as uploads", () => {
    expect(validateField(field("set_image", "image"), undefined)).toBe(
      "Required",
    );
    expect(
      validateField(field("set_image", "mask"), undefined),
    ).toBeUndefined();
    expect(
      validateField(field("set_image", "image"), FILE_REF),
    ).toBeUndefined();
  });
});

describe("malformed documents", () => {
  it("validates what could be read and accepts anything where the schema was unreadable", () => {
    const wrong = lookup(parseModelSchema(wrongTypes));
    // minimum "0" was ignored; maximum 10 still applies.
    expect(
      validateField(wrong.field("bad_types", "level"), -5),
    ).toBeUndefined();
    expect(validateField(wrong.field("bad_types", "level"), 11)).toBe(
      "Must be at most 10",
    );
    expect(
      validateField(wrong.field("bad_types", "shape"), [1, 2]),
    ).toBeUndefined();

    const broken = lookup(parseModelSchema(dangling));
    expect(
      validateField(broken.field("set_image", "image"), FILE_REF),
    ).toBeUndefined();

    const loop = lookup(parseModelSchema(cycles));
    const tree = loop.field("set_tree", "tree");
    expect(
      validateField(tree, {
        label: "root",
        children: [{ label: "a", children: [{ anything: true }] }],
      }),
    ).toBeUndefined();
    expect(validateField(tree, { children: [] })).toBe('"label": Required');
    expect(validateField(tree, { label: "r", children: [{}] })).toBe(
      '"children": Item 1: "label": Required',
    );
  });
});

describe("schema keywords inside arrays and objects", () => {
  const base = {
    name: "v",
    hasDefault: false,
    nullable: false,
    required: true,
  } as const;

  it("reads anyOf arms, type lists, const and exclusive bounds", () => {
    const field = {
      ...base,
      type: "array" as const,
      schema: {
        type: "array",
        minItems: 1,
        maxItems: 2,
        items: {
          anyOf: [
            { type: "integer", exclusiveMinimum: 0 },
            { type: ["string", "null"], const: "auto" },
          ],
        },
      },
    };
    expect(validateField(field, [1, "auto"])).toBeUndefined();
    expect(validateField(field, [])).toBe("Must have at least 1 item");
    expect(validateField(field, [1, 2, 3])).toBe("Must have at most 2 items");
    expect(validateField(field, [0])).toBe(
      "Item 1: Does not match any allowed form",
    );
  });

  it("refuses properties an object forbids", () => {
    const field = {
      ...base,
      type: "object" as const,
      schema: {
        type: "object",
        properties: { x: { type: "number" } },
        additionalProperties: false,
      },
    };
    expect(validateField(field, { x: 1 })).toBeUndefined();
    expect(validateField(field, { x: 1, y: 2 })).toBe('"y": Not allowed here');
  });
});
