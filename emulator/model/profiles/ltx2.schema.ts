import { output, UPLOAD_REFERENCE_REF } from "../openapi";
import {
  COMMAND_ERROR,
  command,
  refWebhook,
  runtimeDocument,
} from "./schema-builders";

// LTX-2 talking head's document in the runtime 3.x style
// (docs/reactor-contract.md, "LTX-2"): `main_video` and `main_audio` out,
// an avatar image and a script before `start`.

export const ltx2Schema = runtimeDocument({
  title: "ltx2",
  tracks: [output("main_video", "video"), output("main_audio", "audio")],
  events: [
    command("set_avatar_image", "Set the avatar (the face that speaks)", {
      avatar_image: { $ref: UPLOAD_REFERENCE_REF, "x-reactor-moderate": true },
    }),
    command("set_script", "Set what the avatar says", {
      script: {
        type: "string",
        maxLength: 4000,
        description: "Words to speak",
        "x-reactor-moderate": true,
      },
    }),
    command("set_prompt", "Describe the scene and delivery", {
      prompt: {
        type: "string",
        maxLength: 800,
        default: "",
        "x-reactor-moderate": true,
      },
    }),
    command("set_wpm", "Speaking rate (bounds: state wpm_min..wpm_max)", {
      wpm: { type: "integer", default: 150 },
    }),
    command("set_duration_seconds", "Length in seconds (0 = from the script)", {
      duration_seconds: { type: "number", minimum: 0, default: 0 },
    }),
    command("set_seed", "Set seed", {
      seed: { type: "integer", default: 0 },
    }),
    command("start", "Start speaking (needs an avatar image and a script)"),
    command("pause", "Pause"),
    command("resume", "Resume"),
    command("stop", "End the take, keep the conditions"),
    command("reset", "Clear everything"),
  ],
  messages: [
    refWebhook("state_update", "Full state snapshot", {
      script: { type: "string", default: "" },
      prompt: "string",
      has_avatar_image: "boolean",
      wpm: "integer",
      duration_seconds: "number",
      effective_seconds: "number",
      seed: "integer",
      ready: "boolean",
      generating: "boolean",
      valid_commands: { type: "array", items: { type: "string" } },
      queued_changes: { type: "array", items: { type: "string" } },
      wpm_min: "integer",
      wpm_max: "integer",
      paused: "boolean",
      finished: "boolean",
      window_index: "integer",
      total_windows: "integer",
      seconds_sent: "number",
    }),
    refWebhook("avatar_image_accepted", "Avatar image accepted", {
      width: "integer",
      height: "integer",
    }),
    refWebhook("script_accepted", "Script accepted", { words: "integer" }),
    refWebhook("prompt_accepted", "Prompt accepted", { prompt: "string" }),
    refWebhook("wpm_accepted", "Speaking rate accepted", { wpm: "integer" }),
    refWebhook("generation_started", "Generation started", {
      total_windows: "integer",
    }),
    refWebhook("generation_failed", "Generation failed", { reason: "string" }),
    refWebhook("generation_reset", "Generation reset"),
    refWebhook(...COMMAND_ERROR),
  ],
});
