import {
  UPLOAD_REFERENCE,
  UPLOAD_REFERENCE_REF,
  type JsonSchema,
  type OpenApiDocument,
} from "../openapi";
import { event, refWebhook } from "./schema-builders";

// LingBot's document in the runtime 3.x style (docs/reactor-contract.md,
// "LingBot"): `required` lists every field without a default, every command
// field carries `x-reactor-moderate`, and message bodies are `$ref`s to
// PascalCase components.

const choice = (values: string[], description: string): JsonSchema => ({
  type: "string",
  enum: values,
  default: "idle",
  description,
  "x-reactor-moderate": false,
});

const messages = [
  refWebhook("state", "Full state snapshot", {
    running: { type: "boolean" },
    started: { type: "boolean" },
    paused: { type: "boolean" },
    current_chunk: { type: "integer" },
    current_prompt: { type: "string" },
    has_prompt: { type: "boolean" },
    has_image: { type: "boolean" },
    current_action: { type: "string", description: 'e.g. "w+left" or "still"' },
    movement: { type: "string" },
    look_horizontal: { type: "string" },
    look_vertical: { type: "string" },
    rotation_speed_deg: { type: "number" },
    seed: { type: "integer" },
  }),
  refWebhook("prompt_accepted", "Prompt accepted", {
    prompt: { type: "string" },
  }),
  refWebhook("image_accepted", "Image accepted", {
    width: { type: "integer" },
    height: { type: "integer" },
  }),
  refWebhook("conditions_ready", "Conditions ready", {
    has_prompt: { type: "boolean" },
    has_image: { type: "boolean" },
  }),
  refWebhook("generation_started", "Generation started", {
    prompt: { type: "string" },
    chunk_num: { type: "integer" },
    frame_num: { type: "integer" },
  }),
  refWebhook("chunk_complete", "Chunk complete", {
    chunk_index: { type: "integer" },
    frames_emitted: { type: "integer" },
    active_prompt: { type: "string" },
    active_action: { type: "string" },
  }),
  refWebhook("generation_reset", "Generation reset", {
    reason: { type: "string" },
  }),
  refWebhook("command_error", "Command rejected by the model", {
    command: { type: "string" },
    reason: { type: "string" },
  }),
];

export const lingbotSchema: OpenApiDocument = {
  openapi: "3.1.0",
  info: { title: "lingbot", version: "v1.0.0", description: "" },
  "x-reactor": {
    tracks: [{ name: "main_video", kind: "video", direction: "out" }],
  },
  paths: Object.fromEntries([
    event(
      "set_prompt",
      "Set the scene prompt",
      {
        prompt: {
          type: "string",
          maxLength: 1000,
          description: "Scene prompt",
          "x-reactor-moderate": true,
        },
      },
      ["prompt"],
    ),
    event(
      "set_image",
      "Set the starting image",
      { image: { $ref: UPLOAD_REFERENCE_REF, "x-reactor-moderate": true } },
      ["image"],
    ),
    event("set_movement", "Set movement", {
      movement: choice(
        ["idle", "forward", "back", "strafe_left", "strafe_right"],
        "Sticky: send idle when the key is released",
      ),
    }),
    event("set_look_horizontal", "Set horizontal look", {
      look_horizontal: choice(["idle", "left", "right"], "Sticky"),
    }),
    event("set_look_vertical", "Set vertical look", {
      look_vertical: choice(["idle", "up", "down"], "Sticky"),
    }),
    event("set_rotation_speed_deg", "Set rotation speed", {
      rotation_speed_deg: {
        type: "number",
        minimum: 0,
        maximum: 30,
        default: 5,
        description: "Degrees per step",
        "x-reactor-moderate": false,
      },
    }),
    event("set_seed", "Set seed", {
      seed: {
        type: "integer",
        minimum: 0,
        default: 42,
        "x-reactor-moderate": false,
      },
    }),
    event("start", "Start generation (needs a prompt and an image)"),
    event("pause", "Pause generation"),
    event("resume", "Resume generation"),
    event("reset", "Reset generation"),
  ]),
  webhooks: Object.fromEntries(messages.map((message) => message.webhook)),
  components: {
    schemas: Object.fromEntries([
      ["ReactorUploadReference", UPLOAD_REFERENCE],
      ...messages.map((message) => message.component),
    ]),
  },
};
