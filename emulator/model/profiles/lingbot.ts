import { commandError, promptAndImageGeneration } from "./conditions";
import { lingbotSchema } from "./lingbot.schema";
import type { ModelProfile, ProfileContext } from "./profile";

// reactor/lingbot (docs/reactor-contract.md, "LingBot"): an image-and-prompt
// world model steered by sticky movement and look keys. Silent until
// `start`, which needs both a prompt and an image (else the model's own
// `command_error`); the image is captured at start.

const FRAMES_PER_CHUNK = 33;
/** The key each movement stands for in `current_action` ("w+left"); idle has none. */
const MOVEMENT_KEYS = new Map([
  ["forward", "w"],
  ["back", "s"],
  ["strafe_left", "a"],
  ["strafe_right", "d"],
]);

export const lingbot: ModelProfile = {
  id: "lingbot",
  schema: () => lingbotSchema,
  create(ctx: ProfileContext) {
    const { emit } = ctx;
    const { run, inputs } = promptAndImageGeneration(ctx, FRAMES_PER_CHUNK);
    const steer = {
      movement: "idle",
      look_horizontal: "idle",
      look_vertical: "idle",
      rotation_speed_deg: 5,
      seed: 42,
    };
    const action = () =>
      [
        MOVEMENT_KEYS.get(steer.movement),
        steer.look_horizontal === "idle" ? undefined : steer.look_horizontal,
        steer.look_vertical === "idle" ? undefined : steer.look_vertical,
      ]
        .filter(Boolean)
        .join("+") || "still";

    return {
      handle(command, args) {
        if (inputs.handle(command, args)) return;
        switch (command) {
          case "start":
            if (run.started) return;
            if (run.prompt === "") {
              return commandError(ctx, command, "prompt is empty");
            }
            if (!inputs.image) {
              return commandError(ctx, command, "image is missing");
            }
            run.start();
            return emit("generation_started", {
              prompt: run.prompt,
              chunk_num: 0,
              frame_num: 0,
            });
          case "pause":
          case "resume":
            run[command]();
            return;
          case "reset":
            run.reset();
            inputs.image = null;
            return emit("generation_reset", { reason: "reset" });
          default:
            // The setters: each event's one field has the state key's name.
            Object.assign(steer, args);
        }
      },
      tick() {
        for (const chunk of run.chunksCompleted()) {
          emit("chunk_complete", { ...chunk, active_action: action() });
        }
      },
      state: () => ({
        running: run.running,
        started: run.started,
        paused: run.paused,
        current_chunk: run.chunk,
        current_prompt: run.prompt,
        has_prompt: run.prompt !== "",
        has_image: inputs.image !== null,
        current_action: action(),
        ...steer,
      }),
    };
  },
};
