import { output, UPLOAD_REFERENCE_REF, type JsonSchema } from "../openapi";
import {
  COMMAND_ERROR,
  command,
  refWebhook,
  runtimeDocument,
} from "./schema-builders";

// LingBot's document in the runtime 3.x style (docs/reactor-contract.md,
// "LingBot"): `required` lists every field without a default, every command
// field carries `x-reactor-moderate`, and message bodies are `$ref`s to
// PascalCase components.

const sticky = (values: string[], description: string): JsonSchema => ({
  type: "string",
  enum: values,
  default: "idle",
  description,
});

export const lingbotSchema = runtimeDocument({
  title: "lingbot",
  tracks: [output("main_video", "video")],
  events: [
    command("set_prompt", "Set the scene prompt", {
      prompt: {
        type: "string",
        maxLength: 1000,
        description: "Scene prompt",
        "x-reactor-moderate": true,
      },
    }),
    command("set_image", "Set the starting image", {
      image: { $ref: UPLOAD_REFERENCE_REF, "x-reactor-moderate": true },
    }),
    command("set_movement", "Set movement", {
      movement: sticky(
        ["idle", "forward", "back", "strafe_left", "strafe_right"],
        "Sticky: send idle when the key is released",
      ),
    }),
    command("set_look_horizontal", "Set horizontal look", {
      look_horizontal: sticky(["idle", "left", "right"], "Sticky"),
    }),
    command("set_look_vertical", "Set vertical look", {
      look_vertical: sticky(["idle", "up", "down"], "Sticky"),
    }),
    command("set_rotation_speed_deg", "Set rotation speed", {
      rotation_speed_deg: {
        type: "number",
        minimum: 0,
        maximum: 30,
        default: 5,
        description: "Degrees per step",
      },
    }),
    command("set_seed", "Set seed", {
      seed: { type: "integer", minimum: 0, default: 42 },
    }),
    command("start", "Start generation (needs a prompt and an image)"),
    command("pause", "Pause generation"),
    command("resume", "Resume generation"),
    command("reset", "Reset generation"),
  ],
  messages: [
    refWebhook("state", "Full state snapshot", {
      running: "boolean",
      started: "boolean",
      paused: "boolean",
      current_chunk: "integer",
      current_prompt: "string",
      has_prompt: "boolean",
      has_image: "boolean",
      current_action: {
        type: "string",
        description: 'e.g. "w+left" or "still"',
      },
      movement: "string",
      look_horizontal: "string",
      look_vertical: "string",
      rotation_speed_deg: "number",
      seed: "integer",
    }),
    refWebhook("prompt_accepted", "Prompt accepted", { prompt: "string" }),
    refWebhook("image_accepted", "Image accepted", {
      width: "integer",
      height: "integer",
    }),
    refWebhook("conditions_ready", "Conditions ready", {
      has_prompt: "boolean",
      has_image: "boolean",
    }),
    refWebhook("generation_started", "Generation started", {
      prompt: "string",
      chunk_num: "integer",
      frame_num: "integer",
    }),
    refWebhook("chunk_complete", "Chunk complete", {
      chunk_index: "integer",
      frames_emitted: "integer",
      active_prompt: "string",
      active_action: "string",
    }),
    refWebhook("generation_reset", "Generation reset", { reason: "string" }),
    refWebhook(...COMMAND_ERROR),
  ],
});
