// @vitest-environment node
import { describe, expect, it } from "vitest";
import { parseCapabilities, parseModelSchema } from "@/lib/model-schema/parse";
import type { ModelInterface } from "@/lib/model-schema/types";
import cycles from "@test/fixtures/model-schema/malformed-cycles.json";
import dangling from "@test/fixtures/model-schema/malformed-dangling-refs.json";
import wrongTypes from "@test/fixtures/model-schema/malformed-wrong-types.json";
import helios from "@test/fixtures/model-schema/helios.json";
import legacy from "@test/fixtures/model-schema/legacy-capabilities.json";
import lingbot from "@test/fixtures/model-schema/lingbot.json";
import runtime3 from "@test/fixtures/model-schema/runtime-3.json";
import session from "@test/fixtures/model-schema/session-capabilities.json";

const event = (model: ModelInterface, name: string) => {
  const found = model.events.find((e) => e.name === name);
  if (!found) throw new Error(`no event ${name}`);
  return found;
};
const field = (model: ModelInterface, eventName: string, name: string) => {
  const found = event(model, eventName).fields.find((f) => f.name === name);
  if (!found) throw new Error(`no field ${eventName}.${name}`);
  return found;
};

describe("Helios (inline webhooks, every field defaulted, no required lists)", () => {
  const model = parseModelSchema(helios);

  it("reads every command with its summary as the label, and no problems", () => {
    expect(model.source).toBe("schema");
    expect(model.problems).toEqual([]);
    expect(model.title).toBe("helios");
    expect(model.version).toBe("0.0.0");
    expect(model.description).toBeUndefined();
    expect(model.events.map((e) => e.name)).toEqual([
      "set_prompt",
      "set_image",
      "schedule_prompt",
      "start",
      "pause",
      "resume",
      "reset",
      "set_image_strength",
      "set_seed",
      "set_sr_scale",
    ]);
    expect(event(model, "start")).toEqual({
      name: "start",
      label: "Begin generation (requires prompt)",
      fields: [],
    });
  });

  it("makes no field required, since each has a default", () => {
    const fields = model.events.flatMap((e) => e.fields);
    expect(fields.length).toBeGreaterThan(5);
    for (const f of fields) {
      expect(f, f.name).toMatchObject({ hasDefault: true, required: false });
    }
  });

  it("reads bounds, enums and defaults", () => {
    expect(field(model, "set_image_strength", "image_strength")).toMatchObject({
      type: "number",
      minimum: 0,
      maximum: 1,
      default: 1,
    });
    expect(field(model, "schedule_prompt", "chunk")).toMatchObject({
      type: "integer",
      minimum: 0,
      default: 0,
    });
    expect(field(model, "schedule_prompt", "chunk").maximum).toBeUndefined();
    expect(field(model, "set_sr_scale", "sr_scale")).toMatchObject({
      type: "string",
      enum: ["off", "2x", "4x"],
      default: "2x",
      description: "Super-resolution scale",
    });
  });

  it("recognises a referenced upload with a null default beside the $ref", () => {
    const image = field(model, "set_image", "image");
    expect(image).toMatchObject({
      type: "upload",
      hasDefault: true,
      default: null,
      required: false,
    });
    // The component's own description is about uploads, not this field.
    expect(image.description).toBeUndefined();
    expect(image.schema.format).toBe("reactor-upload-reference");
  });

  it("reads inline webhooks with their required lists and summaries", () => {
    expect(model.messages.map((m) => m.type)).toContain("image_accepted");
    const accepted = model.messages.find((m) => m.type === "image_accepted");
    expect(accepted?.description).toBe("A reference image was accepted.");
    expect(accepted?.fields.map((f) => [f.name, f.type, f.required])).toEqual([
      ["width", "integer", true],
      ["height", "integer", true],
    ]);
  });

  it("turns the model's out track into one the client receives", () => {
    expect(model.tracks).toEqual([
      { name: "main_video", kind: "video", direction: "recvonly" },
    ]);
  });
});

describe("runtime 3.x document", () => {
  const model = parseModelSchema(runtime3);

  it("reads it without problems and ignores non-event paths", () => {
    expect(model.problems).toEqual([]);
    expect(model.version).toBe("v1.0.0");
    expect(model.events.map((e) => e.name)).not.toContain("health");
  });

  it("follows the required list, with or without defaults", () => {
    expect(field(model, "set_prompt", "prompt")).toMatchObject({
      required: true,
      maxLength: 800,
      moderated: true,
    });
    expect(field(model, "set_strength", "strength")).toMatchObject({
      required: false,
      moderated: false,
    });
    expect(field(model, "set_weights", "quality").required).toBe(false);
  });

  it("unwraps anyOf [T, null] into a nullable T and keeps the outer default", () => {
    expect(field(model, "set_seed", "seed")).toMatchObject({
      type: "integer",
      nullable: true,
      minimum: 0,
      hasDefault: true,
      default: null,
      required: false,
      description: "Empty for random",
    });
    const negative = field(model, "set_negative_prompt", "negative_prompt");
    expect(negative).toMatchObject({
      type: "string",
      nullable: true,
      required: true,
      maxLength: 200,
    });
    expect(negative.schema.anyOf).toBeUndefined();
    expect(field(model, "set_reference", "reference")).toMatchObject({
      type: "upload",
      nullable: true,
    });
  });

  it("reads upload, array, object and any-value fields", () => {
    expect(field(model, "set_image", "image")).toMatchObject({
      type: "upload",
      required: true,
    });
    const pose = field(model, "set_camera_pose", "camera_pose");
    expect(pose.type).toBe("array");
    expect(pose.schema.items).toEqual({ type: "number" });
    expect(field(model, "set_weights", "weights").type).toBe("object");
    expect(field(model, "set_weights", "extra")).toMatchObject({
      type: "any",
      required: true,
    });
  });

  it("resolves a body given as a $ref", () => {
    expect(event(model, "set_style").fields).toMatchObject([
      { name: "style", enum: ["photo", "sketch", "anime"], required: true },
      { name: "intensity", type: "integer", default: 5, required: false },
    ]);
  });

  it("sends {} for a command without a requestBody and names its 200 reply", () => {
    expect(event(model, "get_state")).toMatchObject({
      fields: [],
      description: "Reply with the full state.",
      replyType: "state_update",
    });
    expect(event(model, "set_prompt").replyType).toBeUndefined();
  });

  it("reads webhooks given by $ref, and a webhook with no body", () => {
    const state = model.messages.find((m) => m.type === "state_update");
    expect(state?.fields.map((f) => [f.name, f.required, f.nullable])).toEqual([
      ["prompt", true, true],
      ["strength", true, false],
      ["running", true, false],
      ["seed", false, true],
    ]);
    expect(model.messages.find((m) => m.type === "generation_paused")).toEqual({
      type: "generation_paused",
      description: "Paused",
      fields: [],
    });
  });

  it("maps out to recvonly and in to sendonly", () => {
    expect(model.tracks).toEqual([
      { name: "main_video", kind: "video", direction: "recvonly" },
      { name: "main_audio", kind: "audio", direction: "recvonly" },
      { name: "webcam", kind: "video", direction: "sendonly" },
    ]);
  });
});

describe("LingBot (enums)", () => {
  const model = parseModelSchema(lingbot);

  it("reads each enum as a string field with its values", () => {
    expect(model.problems).toEqual([]);
    expect(field(model, "set_movement", "movement")).toMatchObject({
      type: "string",
      enum: ["idle", "forward", "back", "strafe_left", "strafe_right"],
      required: true,
    });
    expect(field(model, "set_look_vertical", "look_vertical").enum).toEqual([
      "idle",
      "up",
      "down",
    ]);
  });

  it("reads bounded numbers and parameterless commands", () => {
    expect(
      field(model, "set_rotation_speed_deg", "rotation_speed_deg"),
    ).toMatchObject({ minimum: 0, maximum: 30, default: 5, required: false });
    expect(event(model, "start").fields).toEqual([]);
  });

  it("infers the type of a bare enum from its values", () => {
    const doc = structuredClone(lingbot) as Record<string, unknown>;
    const paths = doc.paths as Record<string, unknown>;
    paths["/events/set_level"] = {
      post: {
        requestBody: {
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  level: { enum: [1, 2, 3] },
                  factor: { enum: [0.5, 1] },
                  on: { enum: [true, false] },
                  mixed: { enum: ["a", 1] },
                },
              },
            },
          },
        },
      },
    };
    const parsed = parseModelSchema(doc);
    // No operationId: the name is the last path segment.
    expect(event(parsed, "set_level").fields.map((f) => f.type)).toEqual([
      "integer",
      "number",
      "boolean",
      "any",
    ]);
  });
});

describe("legacy capabilities", () => {
  it("reads a modelCapabilities reply with per-field required flags", () => {
    const model = parseCapabilities(legacy, "capabilities");
    expect(model.source).toBe("capabilities");
    expect(model.problems).toEqual([]);
    expect(field(model, "set_prompt", "prompt")).toMatchObject({
      type: "string",
      required: true,
      default: "",
      description: "Scene prompt",
    });
    expect(field(model, "set_sr_scale", "sr_scale")).toMatchObject({
      required: false,
      hasDefault: false,
    });
    expect(event(model, "set_prompt").description).toBe(
      "Set and encode scene prompt",
    );
    expect(event(model, "pause").fields).toEqual([]);
    expect(model.messages[0]?.type).toBe("prompt_accepted");
    expect(model.tracks).toEqual([
      { name: "main_video", kind: "video", direction: "recvonly" },
    ]);
  });

  it("recognises file parameters by type file and format file-reference", () => {
    const model = parseCapabilities(legacy, "capabilities");
    expect(event(model, "set_image").fields).toMatchObject([
      { name: "image", type: "upload", required: true },
      { name: "mask", type: "upload", required: false },
    ]);
  });

  it("accepts a JSON-Schema object as a command's schema", () => {
    const model = parseCapabilities(legacy, "capabilities");
    expect(field(model, "set_seed", "seed")).toMatchObject({
      type: "integer",
      minimum: 0,
      required: true,
    });
  });

  it("reads the HTTP session's capabilities: tracks, no commands", () => {
    const model = parseCapabilities(session, "session");
    expect(model).toEqual({
      source: "session",
      events: [],
      messages: [],
      tracks: [
        { name: "main_video", kind: "video", direction: "recvonly" },
        { name: "webcam", kind: "video", direction: "sendonly" },
      ],
      problems: [],
    });
  });

  it("skips unnamed and repeated commands and says so", () => {
    const model = parseCapabilities(
      {
        commands: [
          { name: "go" },
          { description: "nameless" },
          { name: "go" },
          "go",
          { name: "set", schema: "text" },
        ],
        tracks: "main_video",
      },
      "capabilities",
    );
    expect(model.events.map((e) => e.name)).toEqual(["go", "set"]);
    expect(model.problems).toEqual([
      '"commands[1]" has no name; it is skipped.',
      '"commands[2]" repeats "go"; it is skipped.',
      '"commands[3]" has no name; it is skipped.',
      'Command "set": its schema is not an object.',
      '"tracks" is not a list; no tracks are read.',
    ]);
  });
});

describe("malformed documents", () => {
  const inputs: [string, unknown][] = [
    ["null", null],
    ["a string", "modelSchema"],
    ["a number", 42],
    ["a list", []],
    ["wrong types", wrongTypes],
    ["dangling refs", dangling],
    ["cycles", cycles],
  ];

  it.each(inputs)("never throws on %s", (_, input) => {
    expect(() => parseModelSchema(input)).not.toThrow();
    expect(() => parseCapabilities(input, "capabilities")).not.toThrow();
  });

  it("reports a document that is not an object", () => {
    expect(parseModelSchema("text")).toEqual({
      source: "schema",
      events: [],
      messages: [],
      tracks: [],
      problems: ["The schema is not a JSON object."],
    });
    expect(parseCapabilities(null, "session").problems).toEqual([
      "The capabilities are not a JSON object.",
    ]);
  });

  it("keeps what it can read from a document with wrong types", () => {
    const model = parseModelSchema(wrongTypes);
    expect(model.events.map((e) => e.name)).toEqual([
      "bad_types",
      "bad_body",
      "dup",
      "bad_properties",
      "ok",
    ]);
    expect(field(model, "ok", "value")).toMatchObject({
      type: "number",
      minimum: 0,
      maximum: 1,
      required: true,
    });
    expect(model.tracks).toEqual([
      { name: "main_video", kind: "video", direction: "recvonly" },
    ]);
    expect(model.messages).toEqual([]);
  });

  it("ignores keywords of the wrong type and falls back to raw JSON for unknown types", () => {
    const model = parseModelSchema(wrongTypes);
    const level = field(model, "bad_types", "level");
    expect(level.minimum).toBeUndefined();
    expect(level.maximum).toBe(10);
    const name = field(model, "bad_types", "name");
    expect(name.minLength).toBeUndefined();
    expect(name.maxLength).toBeUndefined();
    expect(field(model, "bad_types", "mode").enum).toBeUndefined();
    expect(field(model, "bad_types", "shape").type).toBe("any");
    expect(field(model, "bad_types", "tag").enum).toEqual(["a"]);
    expect(field(model, "bad_types", "flag").type).toBe("any");
    // "required": "prompt" is not a list: the no-list rule applies instead.
    expect(field(model, "bad_types", "level").required).toBe(true);
  });

  it("lists each problem once, readably", () => {
    const { problems } = parseModelSchema(wrongTypes);
    expect(problems).toEqual(
      expect.arrayContaining([
        "The schema is not an OpenAPI 3 document (openapi: 3.1); reading it anyway.",
        '"webhooks" is not an object; no messages are read.',
        'Command "/events/bad_post" has no "post" operation; it is skipped.',
        'Command "/events/no_post" has no "post" operation; it is skipped.',
        'Command "/events/bad_types", field "level": minimum "0" is not a number; it is ignored.',
        'Command "/events/bad_types", field "name": maxLength -3 is not a whole number; it is ignored.',
        'Command "/events/bad_types", field "shape": type "polygon" is not understood; it is edited as raw JSON.',
        'Command "/events/bad_body": its body has type "array", not "object"; its parameters are not shown.',
        'Command "/events/dup_again": "dup" is declared twice; it is skipped.',
        'Command "/events/bad_properties": its properties are not an object.',
        '"x-reactor.tracks[2]" is not {name, kind: video|audio, direction: in|out}; it is skipped.',
      ]),
    );
    expect(new Set(problems).size).toBe(problems.length);
  });

  it("reports dangling and external refs and keeps the rest", () => {
    const model = parseModelSchema(dangling);
    expect(model.problems).toEqual([
      'Message "state": "#/components/schemas/State" points at nothing in the document.',
      'Command "/events/set_image", field "image": "#/components/schemas/ReactorUploadReference" points at nothing in the document.',
      'Command "/events/set_body": "#/components/schemas/Missing" points at nothing in the document.',
      'Command "/events/set_external", field "config": "other.json#/components/schemas/Config" is outside the document, which is not supported.',
    ]);
    // A broken reference keeps the keywords beside it.
    expect(field(model, "set_image", "image")).toMatchObject({
      type: "any",
      description: "The image",
      default: null,
      required: false,
    });
    expect(event(model, "set_body").fields).toEqual([]);
    expect(field(model, "set_ok", "ok").type).toBe("boolean");
  });

  it("stops at reference cycles and reports them", () => {
    const model = parseModelSchema(cycles);
    expect(model.problems).toHaveLength(3);
    expect(model.problems.join("\n")).toMatch(
      /set_tree.*"#\/components\/schemas\/Node" refers back to itself/,
    );
    expect(model.problems.join("\n")).toMatch(
      /set_loop.*"#\/components\/schemas\/A" refers back to itself/,
    );
    expect(model.problems.join("\n")).toMatch(
      /set_self.*"#\/components\/schemas\/Self" refers back to itself/,
    );
    const tree = field(model, "set_tree", "tree");
    expect(tree.type).toBe("object");
    // One level of the recursive type is expanded; the loop becomes "any".
    const path = ["properties", "children", "items"];
    const at = (node: unknown, keys: string[]) =>
      keys.reduce((n, k) => (n as Record<string, unknown>)[k], node);
    expect(at(tree.schema, path)).toMatchObject({ type: "object" });
    expect(at(tree.schema, [...path, ...path])).toEqual({});
    expect(JSON.stringify(tree.schema)).not.toContain("$ref");
    expect(field(model, "set_loop", "loop").type).toBe("any");
    expect(event(model, "set_self").fields).toEqual([]);
    expect(field(model, "set_ok", "count").default).toBe(1);
  });

  it("survives a hand-built object with a real reference cycle", () => {
    const node: Record<string, unknown> = { type: "object" };
    node.properties = { self: node };
    const doc = {
      openapi: "3.1.0",
      paths: {
        "/events/loop": {
          post: {
            requestBody: {
              content: {
                "application/json": {
                  schema: { type: "object", properties: { n: node } },
                },
              },
            },
          },
        },
      },
    };
    const model = parseModelSchema(doc);
    expect(model.events[0]?.name).toBe("loop");
    expect(model.problems.join("\n")).toMatch(/nested too deeply/);
  });
});
