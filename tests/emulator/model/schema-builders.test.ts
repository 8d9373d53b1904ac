// @vitest-environment node
import { expect, test } from "vitest";
import { output } from "@/emulator/model/openapi";
import {
  COMMAND_ERROR,
  command,
  inlineWebhook,
  refWebhook,
  runtimeDocument,
} from "@/emulator/model/profiles/schema-builders";

// The builders must write what runtimes write, key order included: clients
// and tests compare documents as JSON, so these pin the exact text.

const bodyOf = ([, item]: ReturnType<typeof command>) =>
  JSON.stringify(item.post.requestBody!.content["application/json"].schema);

test("command: moderation false unless the field opts in, flag last; required = fields without a default", () => {
  const set = command("set_prompt", "Set", {
    prompt: { type: "string", maxLength: 10, "x-reactor-moderate": true },
    seed: { type: "integer", default: 0 },
  });
  expect(set[0]).toBe("/events/set_prompt");
  expect(bodyOf(set)).toBe(
    '{"type":"object","properties":{' +
      '"prompt":{"type":"string","maxLength":10,"x-reactor-moderate":true},' +
      '"seed":{"type":"integer","default":0,"x-reactor-moderate":false}},' +
      '"required":["prompt"]}',
  );
  // A model's own list wins (X2's optional x and y have no default).
  const pointer = command(
    "set_pointer",
    "Point",
    { x: "number", active: "boolean" },
    ["active"],
  );
  expect(bodyOf(pointer)).toContain('"required":["active"]');
  // No fields: no required list at all.
  expect(bodyOf(command("start", "Start"))).toBe(
    '{"type":"object","properties":{}}',
  );
});

test("webhooks: a type name is shorthand for { type }; inline bodies and PascalCase $ref components", () => {
  const [name, item] = inlineWebhook("image_accepted", "Image accepted", {
    width: "integer",
    height: { type: "integer", description: "Pixels" },
  });
  expect(name).toBe("image_accepted");
  expect(JSON.stringify(item)).toBe(
    '{"post":{"operationId":"image_accepted","summary":"Image accepted",' +
      '"requestBody":{"required":true,"content":{"application/json":{"schema":' +
      '{"type":"object","properties":{"width":{"type":"integer"},' +
      '"height":{"type":"integer","description":"Pixels"}},' +
      '"required":["width","height"]}}}}}}',
  );
  const { webhook, component } = refWebhook(...COMMAND_ERROR);
  expect(
    webhook[1].post.requestBody!.content["application/json"].schema,
  ).toEqual({ $ref: "#/components/schemas/CommandError" });
  expect(component).toEqual([
    "CommandError",
    {
      type: "object",
      properties: { command: { type: "string" }, reason: { type: "string" } },
      required: ["command", "reason"],
    },
  ]);
});

test("runtimeDocument: version v1.0.0, the upload reference first, then one component per message in order", () => {
  const doc = runtimeDocument({
    title: "m",
    tracks: [output("main_video", "video")],
    events: [command("start", "Start")],
    messages: [
      refWebhook("state_update", "State"),
      refWebhook(...COMMAND_ERROR),
    ],
  });
  expect(doc.info).toEqual({ title: "m", version: "v1.0.0", description: "" });
  expect(doc["x-reactor"].tracks).toEqual([
    { name: "main_video", kind: "video", direction: "out" },
  ]);
  expect(Object.keys(doc.components!.schemas!)).toEqual([
    "ReactorUploadReference",
    "StateUpdate",
    "CommandError",
  ]);
  expect(Object.keys(doc.webhooks!)).toEqual(["state_update", "command_error"]);
});
