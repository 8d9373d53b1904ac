import {
  UPLOAD_REFERENCE,
  UPLOAD_REFERENCE_REF,
  type OpenApiDocument,
} from "../openapi";
import { COMMAND_ERROR, event, inlineWebhook } from "./schema-builders";

// Helios's document in the older style its runtime sends
// (docs/reactor-contract.md, "Helios"): every field has a default so there
// are no `required` lists, and message bodies are inline in `webhooks`.

const int = (description: string) => ({
  type: "integer" as const,
  description,
});

export const heliosSchema: OpenApiDocument = {
  openapi: "3.1.0",
  info: { title: "helios", version: "0.0.0", description: "" },
  "x-reactor": {
    tracks: [{ name: "main_video", kind: "video", direction: "out" }],
  },
  paths: Object.fromEntries([
    event("set_prompt", "Set and encode scene prompt", {
      prompt: { type: "string", default: "", description: "Scene prompt" },
    }),
    event("set_image", "Set conditioning image", {
      image: { $ref: UPLOAD_REFERENCE_REF, default: null },
      image_b64: {
        type: "string",
        default: "",
        description: "Deprecated: base64 image; send `image` as an upload",
      },
    }),
    event("schedule_prompt", "Schedule a prompt at a chunk", {
      prompt: { type: "string", default: "" },
      chunk: { type: "integer", default: 0, minimum: 0 },
    }),
    event("start", "Start generation"),
    event("pause", "Pause generation"),
    event("resume", "Resume generation"),
    event("reset", "Reset generation"),
    event("set_image_strength", "Set image_strength", {
      image_strength: {
        type: "number",
        default: 1.0,
        minimum: 0.0,
        maximum: 1.0,
        description: "Image conditioning strength",
      },
    }),
    event("set_seed", "Set seed", {
      seed: { type: "integer", default: 0, description: "-1 for random" },
    }),
    event("set_sr_scale", "Set sr_scale", {
      sr_scale: {
        type: "string",
        enum: ["off", "2x", "4x"],
        default: "2x",
        description: "Super-resolution scale",
      },
    }),
  ]),
  webhooks: Object.fromEntries([
    inlineWebhook("prompt_accepted", "Prompt accepted", { prompt: "string" }),
    inlineWebhook("image_accepted", "Image accepted", {
      width: int("Image width in pixels"),
      height: int("Image height in pixels"),
    }),
    inlineWebhook("conditions_ready", "Conditions ready", {
      has_prompt: "boolean",
      has_image: "boolean",
    }),
    inlineWebhook("generation_started", "Generation started", {
      prompt: "string",
      chunk_index: int("First chunk"),
    }),
    inlineWebhook("chunk_complete", "Chunk complete", {
      chunk_index: int("Chunk just finished"),
      frames_emitted: int("Frames so far"),
      active_prompt: "string",
    }),
    inlineWebhook("generation_paused", "Generation paused", {
      chunk_index: int("Chunk on hold"),
    }),
    inlineWebhook("generation_resumed", "Generation resumed", {
      chunk_index: int("Chunk resumed"),
    }),
    inlineWebhook("generation_reset", "Generation reset"),
    inlineWebhook(...COMMAND_ERROR),
    inlineWebhook("state", "State snapshot", {
      started: "boolean",
      running: "boolean",
      paused: "boolean",
      current_prompt: {},
      current_chunk: "integer",
      current_frame: "integer",
      image_set: "boolean",
      image_strength: "number",
      seed: "integer",
      sr_scale: "string",
      scheduled_prompts: { type: "array", items: { type: "object" } },
    }),
  ]),
  components: { schemas: { ReactorUploadReference: UPLOAD_REFERENCE } },
};
