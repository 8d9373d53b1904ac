import {
  input,
  output,
  UPLOAD_REFERENCE_REF,
  type JsonSchema,
} from "../openapi";
import {
  COMMAND_ERROR,
  command,
  refWebhook,
  runtimeDocument,
} from "./schema-builders";

// XMAX X2's document in the runtime 3.x style (docs/reactor-contract.md,
// "XMAX X2"): a `source` camera track in, `main_video` out, no start/pause:
// the model generates whenever it has frames and a prompt.

const unit = (description: string): JsonSchema => ({
  type: "number",
  minimum: 0,
  maximum: 1,
  description,
});

const nullable = (schema: JsonSchema): JsonSchema => ({
  anyOf: [schema, { type: "null" }],
});

export const x2Schema = runtimeDocument({
  title: "x2",
  tracks: [input("source", "video"), output("main_video", "video")],
  events: [
    command(
      "set_prompt",
      "Set the prompt (generation needs camera frames and a prompt)",
      {
        prompt: {
          type: "string",
          description: "What to turn the camera into",
          "x-reactor-moderate": true,
        },
      },
    ),
    command("set_reference_image", "Set a reference image", {
      reference_image: {
        $ref: UPLOAD_REFERENCE_REF,
        "x-reactor-moderate": true,
      },
    }),
    // x and y have no default yet are optional: a pointer update may carry only `active`.
    command(
      "set_pointer",
      "Point at the output (normalised 0..1); finish with active false",
      {
        x: unit("Horizontal position, 0 = left"),
        y: unit("Vertical position, 0 = top"),
        active: { type: "boolean", description: "Pointer pressed" },
      },
      ["active"],
    ),
    command("set_keep_backlog", "Keep the frame backlog", {
      keep_backlog: { type: "boolean", default: false },
    }),
    command("reset", "Clear the prompt and the reference image"),
  ],
  messages: [
    refWebhook("state_update", "Full state snapshot", {
      prompt: nullable({ type: "string" }),
      has_reference_image: "boolean",
      pointer_x: "number",
      pointer_y: "number",
      pointer_active: "boolean",
      keep_backlog: "boolean",
      generating: "boolean",
      width: nullable({ type: "integer" }),
      height: nullable({ type: "integer" }),
    }),
    refWebhook("prompt_accepted", "Prompt accepted", { prompt: "string" }),
    refWebhook("pointer_changed", "Pointer changed", {
      x: "number",
      y: "number",
      active: "boolean",
    }),
    refWebhook("reference_image_accepted", "Reference image accepted", {
      width: "integer",
      height: "integer",
    }),
    refWebhook(
      "generation_started",
      "Generation started (frames and a prompt)",
    ),
    refWebhook("generation_stopped", "Generation stopped", {
      reason: { type: "string", enum: ["reset", "reference_image_changed"] },
    }),
    refWebhook(...COMMAND_ERROR),
  ],
});
