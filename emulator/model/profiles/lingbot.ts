import { Generation } from "./generation";
import { lingbotSchema } from "./lingbot.schema";
import type { ModelProfile, ProfileContext } from "./profile";

// reactor/lingbot (docs/reactor-contract.md, "LingBot"): an image-and-prompt
// world model steered by sticky movement and look keys. Silent until
// `start`, which needs both a prompt and an image (else the model's own
// `command_error`); the image is captured at start.

const FRAMES_PER_CHUNK = 33;
const KEYS: Record<string, string> = {
  forward: "w",
  back: "s",
  strafe_left: "a",
  strafe_right: "d",
};

export const lingbot: ModelProfile = {
  id: "lingbot",
  schema: () => lingbotSchema,
  create(ctx: ProfileContext) {
    const { emit } = ctx;
    const run = new Generation(ctx.player, FRAMES_PER_CHUNK);
    let image: { width: number; height: number } | null = null;
    const steer = {
      movement: "idle",
      look_horizontal: "idle",
      look_vertical: "idle",
      rotation_speed_deg: 5,
      seed: 42,
    };
    const action = () =>
      [
        KEYS[steer.movement],
        steer.look_horizontal === "idle" ? undefined : steer.look_horizontal,
        steer.look_vertical === "idle" ? undefined : steer.look_vertical,
      ]
        .filter(Boolean)
        .join("+") || "still";
    const fail = (command: string, reason: string) =>
      emit("command_error", { command, reason });
    const conditions = () =>
      emit("conditions_ready", {
        has_prompt: run.prompt !== "",
        has_image: image !== null,
      });

    return {
      handle(command, args) {
        switch (command) {
          case "set_prompt":
            run.setPrompt(args.prompt as string);
            emit("prompt_accepted", { prompt: run.prompt });
            return conditions();
          case "set_image": {
            const ref = args.image as { upload_id: string };
            const size = ctx.upload(ref.upload_id)?.image;
            if (!size) return fail(command, "could not decode the image");
            image = size;
            emit("image_accepted", { ...size });
            return conditions();
          }
          case "start":
            if (run.started) return;
            if (run.prompt === "") return fail(command, "prompt is empty");
            if (!image) return fail(command, "image is missing");
            run.start();
            return emit("generation_started", {
              prompt: run.prompt,
              chunk_num: 0,
              frame_num: 0,
            });
          case "pause":
            run.pause();
            return;
          case "resume":
            run.resume();
            return;
          case "reset":
            run.reset();
            image = null;
            return emit("generation_reset", { reason: "reset" });
          default:
            // The setters: each event's one field has the state key's name.
            Object.assign(steer, args);
        }
      },
      tick() {
        for (const chunkIndex of run.completedChunks()) {
          emit("chunk_complete", {
            chunk_index: chunkIndex,
            frames_emitted: run.frames,
            active_prompt: run.prompt,
            active_action: action(),
          });
        }
      },
      state: () => ({
        running: run.running,
        started: run.started,
        paused: run.paused,
        current_chunk: run.chunk,
        current_prompt: run.prompt,
        has_prompt: run.prompt !== "",
        has_image: image !== null,
        current_action: action(),
        ...steer,
      }),
    };
  },
};
