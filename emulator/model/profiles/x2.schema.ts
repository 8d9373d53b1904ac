import {
  UPLOAD_REFERENCE,
  UPLOAD_REFERENCE_REF,
  type JsonSchema,
  type OpenApiDocument,
} from "../openapi";
import { event, refWebhook } from "./schema-builders";

// XMAX X2's document in the runtime 3.x style (docs/reactor-contract.md,
// "XMAX X2"): a `source` camera track in, `main_video` out, no start/pause:
// the model generates whenever it has frames and a prompt.

const unit = (description: string): JsonSchema => ({
  type: "number",
  minimum: 0,
  maximum: 1,
  description,
  "x-reactor-moderate": false,
});

const nullable = (schema: JsonSchema): JsonSchema => ({
  anyOf: [schema, { type: "null" }],
});

const messages = [
  refWebhook("state_update", "Full state snapshot", {
    prompt: nullable({ type: "string" }),
    has_reference_image: { type: "boolean" },
    pointer_x: { type: "number" },
    pointer_y: { type: "number" },
    pointer_active: { type: "boolean" },
    keep_backlog: { type: "boolean" },
    generating: { type: "boolean" },
    width: nullable({ type: "integer" }),
    height: nullable({ type: "integer" }),
  }),
  refWebhook("prompt_accepted", "Prompt accepted", {
    prompt: { type: "string" },
  }),
  refWebhook("pointer_changed", "Pointer changed", {
    x: { type: "number" },
    y: { type: "number" },
    active: { type: "boolean" },
  }),
  refWebhook("reference_image_accepted", "Reference image accepted", {
    width: { type: "integer" },
    height: { type: "integer" },
  }),
  refWebhook("generation_started", "Generation started (frames and a prompt)"),
  refWebhook("generation_stopped", "Generation stopped", {
    reason: { type: "string", enum: ["reset", "reference_image_changed"] },
  }),
  refWebhook("command_error", "Command rejected by the model", {
    command: { type: "string" },
    reason: { type: "string" },
  }),
];

export const x2Schema: OpenApiDocument = {
  openapi: "3.1.0",
  info: { title: "x2", version: "v1.0.0", description: "" },
  "x-reactor": {
    tracks: [
      { name: "source", kind: "video", direction: "in" },
      { name: "main_video", kind: "video", direction: "out" },
    ],
  },
  paths: Object.fromEntries([
    event(
      "set_prompt",
      "Set the prompt (generation needs camera frames and a prompt)",
      {
        prompt: {
          type: "string",
          description: "What to turn the camera into",
          "x-reactor-moderate": true,
        },
      },
      ["prompt"],
    ),
    event(
      "set_reference_image",
      "Set a reference image",
      {
        reference_image: {
          $ref: UPLOAD_REFERENCE_REF,
          "x-reactor-moderate": true,
        },
      },
      ["reference_image"],
    ),
    event(
      "set_pointer",
      "Point at the output (normalised 0..1); finish with active false",
      {
        x: unit("Horizontal position, 0 = left"),
        y: unit("Vertical position, 0 = top"),
        active: {
          type: "boolean",
          description: "Pointer pressed",
          "x-reactor-moderate": false,
        },
      },
      ["active"],
    ),
    event("set_keep_backlog", "Keep the frame backlog", {
      keep_backlog: {
        type: "boolean",
        default: false,
        "x-reactor-moderate": false,
      },
    }),
    event("reset", "Clear the prompt and the reference image"),
  ]),
  webhooks: Object.fromEntries(messages.map((message) => message.webhook)),
  components: {
    schemas: Object.fromEntries([
      ["ReactorUploadReference", UPLOAD_REFERENCE],
      ...messages.map((message) => message.component),
    ]),
  },
};
