// @vitest-environment node
import { expect, test } from "vitest";
import { hostFor, uploadRef } from "@test/emulator/support/model-host";

test("the LingBot document is runtime-3.x style: $ref webhooks, required lists, x-reactor-moderate", () => {
  const { host } = hostFor("reactor/lingbot");
  expect(host.profile.id).toBe("lingbot");
  const webhook = host.schema.webhooks!.image_accepted!.post;
  expect(webhook.requestBody!.content["application/json"].schema).toEqual({
    $ref: "#/components/schemas/ImageAccepted",
  });
  expect(host.schema.components!.schemas!.ImageAccepted).toMatchObject({
    required: ["width", "height"],
  });
  const setPrompt =
    host.schema.paths!["/events/set_prompt"]!.post.requestBody!.content[
      "application/json"
    ].schema;
  expect(setPrompt).toMatchObject({
    required: ["prompt"],
    properties: {
      prompt: { maxLength: 1000, "x-reactor-moderate": true },
    },
  });
  const setSeed =
    host.schema.paths!["/events/set_seed"]!.post.requestBody!.content[
      "application/json"
    ].schema;
  // A field with a default is not required, and the list is left out when empty.
  expect(setSeed).not.toHaveProperty("required");
});

test("start needs both a prompt and an image, each refusal is the model's command_error", () => {
  const { player, command, messages, addUpload } = hostFor("reactor/lingbot");
  command("start");
  command("set_prompt", { prompt: "a quiet harbour" });
  command("start");
  expect(messages("command_error")).toEqual([
    { command: "start", reason: "prompt is empty" },
    { command: "start", reason: "image is missing" },
  ]);
  expect(player.snapshot().paused).toBe(true);
  addUpload("u_1", { width: 800, height: 600 });
  command("set_image", {}, uploadRef("u_1"));
  expect(messages("image_accepted")).toEqual([{ width: 800, height: 600 }]);
  command("start");
  expect(messages("generation_started")).toEqual([
    { prompt: "a quiet harbour", chunk_num: 0, frame_num: 0 },
  ]);
  expect(player.snapshot().paused).toBe(false);
});

test("movement and look are enums, rotation speed is bounded; the state shows the action", () => {
  const { command, messages, host } = hostFor("reactor/lingbot");
  command("set_movement", { movement: "forward" });
  command("set_look_horizontal", { look_horizontal: "left" });
  command("set_rotation_speed_deg", { rotation_speed_deg: 12.5 });
  expect(messages("state").at(-1)).toMatchObject({
    movement: "forward",
    look_horizontal: "left",
    look_vertical: "idle",
    rotation_speed_deg: 12.5,
    current_action: "w+left",
  });
  command("set_movement", { movement: "fly" });
  command("set_rotation_speed_deg", { rotation_speed_deg: 31 });
  command("set_seed", { seed: -1 });
  command("set_prompt", {});
  command("set_prompt", { prompt: "x".repeat(1001) });
  command("set_image", {});
  expect(host.rejected.map((entry) => entry.why)).toEqual([
    expect.stringMatching(/movement must be one of/),
    expect.stringMatching(/≤ 30/),
    expect.stringMatching(/≥ 0/),
    "missing required field prompt",
    expect.stringMatching(/at most 1000/),
    "missing required field image",
  ]);
  command("set_movement", { movement: "idle" });
  command("set_look_horizontal", {});
  expect(messages("state").at(-1)).toMatchObject({ current_action: "still" });
});
