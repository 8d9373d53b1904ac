// @vitest-environment node
import { expect, test } from "vitest";
import { eventNames, type OpenApiDocument } from "@/emulator/model/openapi";
import { clipForPrompt } from "@/emulator/model/profiles/prompt-clip";
import { hostFor, uploadRef } from "@test/emulator/support/model-host";
import published from "@test/fixtures/model-schema/helios.json";

test("the Helios document: the real event set, inline webhooks, no required lists", () => {
  const { host } = hostFor("reactor/helios");
  expect(host.profile.id).toBe("helios");
  // The real model's published document, as tests/lib/model-schema reads it.
  expect(eventNames(host.schema)).toEqual(
    eventNames(published as OpenApiDocument),
  );
  const webhook = host.schema.webhooks!.image_accepted!.post;
  expect(webhook.requestBody!.content["application/json"].schema).toEqual({
    type: "object",
    properties: {
      width: expect.objectContaining({ type: "integer" }),
      height: expect.objectContaining({ type: "integer" }),
    },
    required: ["width", "height"],
  });
  for (const item of Object.values(host.schema.paths!)) {
    expect(
      item.post.requestBody!.content["application/json"].schema,
    ).not.toHaveProperty("required");
  }
  expect(host.schema["x-reactor"].tracks).toEqual([
    { name: "main_video", kind: "video", direction: "out" },
  ]);
});

test("silent until start; start without a prompt is the model's own command_error", () => {
  const { player, command, messages } = hostFor("reactor/helios");
  expect(player.snapshot().paused).toBe(true);
  command("start");
  expect(messages("command_error")).toEqual([
    { command: "start", reason: "prompt is empty" },
  ]);
  expect(player.snapshot().paused).toBe(true);
  expect(messages("state").at(-1)).toMatchObject({
    started: false,
    running: false,
    current_prompt: null,
  });
});

test("set_prompt then start plays the prompt's clip; a new prompt switches it", () => {
  const { player, command, messages } = hostFor("reactor/helios");
  command("set_prompt", { prompt: "a forest at dawn" });
  expect(messages("prompt_accepted")).toEqual([{ prompt: "a forest at dawn" }]);
  expect(messages("conditions_ready")).toEqual([
    { has_prompt: true, has_image: false },
  ]);
  command("start");
  expect(messages("generation_started")).toEqual([
    { prompt: "a forest at dawn", chunk_index: 0 },
  ]);
  expect(player.snapshot().paused).toBe(false);
  const first = player.snapshot().scene;
  expect(first).toBe(
    clipForPrompt("a forest at dawn", player.scenes, "testsrc"),
  );
  command("set_prompt", { prompt: "a city at night" });
  expect(player.snapshot().scene).not.toBe(first);
  expect(messages("state").at(-1)).toMatchObject({
    started: true,
    running: true,
    current_prompt: "a city at night",
  });
});

test("pause, resume and reset; reset clears the prompt and goes dark again", () => {
  const { player, command, messages } = hostFor("reactor/helios");
  command("set_prompt", { prompt: "waves" });
  command("start");
  command("pause");
  expect(player.snapshot().paused).toBe(true);
  expect(messages("generation_paused")).toEqual([{ chunk_index: 0 }]);
  command("resume");
  expect(player.snapshot().paused).toBe(false);
  expect(messages("generation_resumed")).toEqual([{ chunk_index: 0 }]);
  command("reset");
  expect(messages("generation_reset")).toEqual([{}]);
  expect(player.snapshot().paused).toBe(true);
  command("start");
  expect(messages("command_error").at(-1)).toEqual({
    command: "start",
    reason: "prompt is empty",
  });
});

test("set_image answers image_accepted with the upload's real size, or command_error", () => {
  const { command, messages, addUpload, host } = hostFor("reactor/helios");
  addUpload("u_png", { width: 1280, height: 720 });
  addUpload("u_text", null);
  command("set_image", {}, uploadRef("u_png"));
  expect(messages("image_accepted")).toEqual([{ width: 1280, height: 720 }]);
  expect(messages("state").at(-1)).toMatchObject({ image_set: true });
  command("set_image", {}, uploadRef("u_text"));
  command("set_image", {});
  expect(messages("command_error")).toEqual([
    { command: "set_image", reason: "could not decode the image" },
    { command: "set_image", reason: "image is missing" },
  ]);
  expect(host.rejected).toEqual([]);
});

test("setters are range-checked by the schema and show in the state", () => {
  const { command, messages, host } = hostFor("reactor/helios");
  command("set_image_strength", { image_strength: 0.25 });
  command("set_seed", { seed: 7 });
  command("set_sr_scale", { sr_scale: "4x" });
  expect(messages("state").at(-1)).toMatchObject({
    image_strength: 0.25,
    seed: 7,
    sr_scale: "4x",
  });
  command("set_image_strength", { image_strength: 1.5 });
  command("set_sr_scale", { sr_scale: "8x" });
  command("set_seed", { seed: "7" });
  expect(host.rejected.map((entry) => entry.name)).toEqual([
    "set_image_strength",
    "set_sr_scale",
    "set_seed",
  ]);
  expect(messages("state").at(-1)).toMatchObject({
    image_strength: 0.25,
    sr_scale: "4x",
  });
});

test("schedule_prompt: chunk 0 before start is the opening prompt; the past is refused", async () => {
  const { player, command, messages, host } = hostFor("reactor/helios");
  command("schedule_prompt", { prompt: "opening", chunk: 0 });
  command("start");
  expect(messages("generation_started")).toEqual([
    { prompt: "opening", chunk_index: 0 },
  ]);
  // Two chunks of frames (33 each) so chunk_complete fires and chunk 0 is past.
  player.subscribe(() => {});
  await new Promise((resolve) => setTimeout(resolve, 2_400));
  host.tick();
  expect(messages("chunk_complete")[0]).toEqual({
    chunk_index: 0,
    frames_emitted: expect.any(Number),
    active_prompt: "opening",
  });
  command("schedule_prompt", { prompt: "too late", chunk: 0 });
  expect(messages("command_error").at(-1)).toEqual({
    command: "schedule_prompt",
    reason: expect.stringMatching(/chunk 0 has already been generated/),
  });
});
