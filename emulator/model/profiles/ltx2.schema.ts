import {
  UPLOAD_REFERENCE,
  UPLOAD_REFERENCE_REF,
  type JsonSchema,
  type OpenApiDocument,
} from "../openapi";
import { event, refWebhook } from "./schema-builders";

// LTX-2 talking head's document in the runtime 3.x style
// (docs/reactor-contract.md, "LTX-2"): `main_video` and `main_audio` out,
// an avatar image and a script before `start`.

const plain = (schema: JsonSchema): JsonSchema => ({
  ...schema,
  "x-reactor-moderate": false,
});

const messages = [
  refWebhook("state_update", "Full state snapshot", {
    script: { type: "string", default: "" },
    prompt: { type: "string" },
    has_avatar_image: { type: "boolean" },
    wpm: { type: "integer" },
    duration_seconds: { type: "number" },
    effective_seconds: { type: "number" },
    seed: { type: "integer" },
    ready: { type: "boolean" },
    generating: { type: "boolean" },
    valid_commands: { type: "array", items: { type: "string" } },
    queued_changes: { type: "array", items: { type: "string" } },
    wpm_min: { type: "integer" },
    wpm_max: { type: "integer" },
    paused: { type: "boolean" },
    finished: { type: "boolean" },
    window_index: { type: "integer" },
    total_windows: { type: "integer" },
    seconds_sent: { type: "number" },
  }),
  refWebhook("avatar_image_accepted", "Avatar image accepted", {
    width: { type: "integer" },
    height: { type: "integer" },
  }),
  refWebhook("script_accepted", "Script accepted", {
    words: { type: "integer" },
  }),
  refWebhook("prompt_accepted", "Prompt accepted", {
    prompt: { type: "string" },
  }),
  refWebhook("wpm_accepted", "Speaking rate accepted", {
    wpm: { type: "integer" },
  }),
  refWebhook("generation_started", "Generation started", {
    total_windows: { type: "integer" },
  }),
  refWebhook("generation_failed", "Generation failed", {
    reason: { type: "string" },
  }),
  refWebhook("generation_reset", "Generation reset"),
  refWebhook("command_error", "Command rejected by the model", {
    command: { type: "string" },
    reason: { type: "string" },
  }),
];

export const ltx2Schema: OpenApiDocument = {
  openapi: "3.1.0",
  info: { title: "ltx2", version: "v1.0.0", description: "" },
  "x-reactor": {
    tracks: [
      { name: "main_video", kind: "video", direction: "out" },
      { name: "main_audio", kind: "audio", direction: "out" },
    ],
  },
  paths: Object.fromEntries([
    event(
      "set_avatar_image",
      "Set the avatar (the face that speaks)",
      {
        avatar_image: {
          $ref: UPLOAD_REFERENCE_REF,
          "x-reactor-moderate": true,
        },
      },
      ["avatar_image"],
    ),
    event(
      "set_script",
      "Set what the avatar says",
      {
        script: {
          type: "string",
          maxLength: 4000,
          description: "Words to speak",
          "x-reactor-moderate": true,
        },
      },
      ["script"],
    ),
    event("set_prompt", "Describe the scene and delivery", {
      prompt: {
        type: "string",
        maxLength: 800,
        default: "",
        "x-reactor-moderate": true,
      },
    }),
    event("set_wpm", "Speaking rate (bounds: state wpm_min..wpm_max)", {
      wpm: plain({ type: "integer", default: 150 }),
    }),
    event("set_duration_seconds", "Length in seconds (0 = from the script)", {
      duration_seconds: plain({ type: "number", minimum: 0, default: 0 }),
    }),
    event("set_seed", "Set seed", {
      seed: plain({ type: "integer", default: 0 }),
    }),
    event("start", "Start speaking (needs an avatar image and a script)"),
    event("pause", "Pause"),
    event("resume", "Resume"),
    event("stop", "End the take, keep the conditions"),
    event("reset", "Clear everything"),
  ]),
  webhooks: Object.fromEntries(messages.map((message) => message.webhook)),
  components: {
    schemas: Object.fromEntries([
      ["ReactorUploadReference", UPLOAD_REFERENCE],
      ...messages.map((message) => message.component),
    ]),
  },
};
