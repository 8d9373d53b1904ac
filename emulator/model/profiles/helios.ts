import { commandError, promptAndImageGeneration } from "./conditions";
import { heliosSchema } from "./helios.schema";
import type { ModelProfile, ProfileContext } from "./profile";

// reactor/helios (docs/reactor-contract.md, "Helios"): text (and optionally
// image) to video. No frames before `start`; `start` without a prompt is the
// model's own `command_error`; a new prompt while running switches the clip.

/** Helios generates 33-frame chunks. */
const FRAMES_PER_CHUNK = 33;

export const helios: ModelProfile = {
  id: "helios",
  schema: () => heliosSchema,
  create(ctx: ProfileContext) {
    const { emit } = ctx;
    const { run, inputs } = promptAndImageGeneration(ctx, FRAMES_PER_CHUNK);
    let imageStrength = 1.0;
    let seed = 0;
    let srScale = "2x";
    let scheduled: { prompt: string; chunk: number }[] = [];
    const applySchedule = () => {
      const due = scheduled.filter((entry) => entry.chunk <= run.chunk);
      scheduled = scheduled.filter((entry) => entry.chunk > run.chunk);
      for (const entry of due) {
        run.setPrompt(entry.prompt);
        emit("prompt_accepted", { prompt: entry.prompt });
      }
    };

    return {
      handle(command, args) {
        if (inputs.handle(command, args)) return;
        switch (command) {
          case "schedule_prompt": {
            const chunk = args.chunk as number;
            if (run.started && chunk < run.chunk) {
              return commandError(
                ctx,
                command,
                `chunk ${chunk} has already been generated (current chunk ${run.chunk})`,
              );
            }
            scheduled.push({ prompt: args.prompt as string, chunk });
            return;
          }
          case "start":
            if (run.started) return;
            applySchedule();
            if (run.prompt === "") {
              return commandError(ctx, command, "prompt is empty");
            }
            run.start();
            return emit("generation_started", {
              prompt: run.prompt,
              chunk_index: 0,
            });
          case "pause":
            if (run.pause()) {
              emit("generation_paused", { chunk_index: run.chunk });
            }
            return;
          case "resume":
            if (run.resume()) {
              emit("generation_resumed", { chunk_index: run.chunk });
            }
            return;
          case "reset":
            run.reset();
            inputs.image = null;
            scheduled = [];
            return emit("generation_reset", {});
          case "set_image_strength":
            imageStrength = args.image_strength as number;
            return;
          case "set_seed":
            seed = args.seed as number;
            return;
          case "set_sr_scale":
            srScale = args.sr_scale as string;
            return;
        }
      },
      tick() {
        for (const chunk of run.chunksCompleted()) {
          emit("chunk_complete", chunk);
        }
        if (run.running) applySchedule();
      },
      state: () => ({
        started: run.started,
        running: run.running,
        paused: run.paused,
        current_prompt: run.prompt === "" ? null : run.prompt,
        current_chunk: run.chunk,
        current_frame: run.frames,
        image_set: inputs.image !== null,
        image_strength: imageStrength,
        seed,
        sr_scale: srScale,
        scheduled_prompts: scheduled.map((entry) => ({ ...entry })),
      }),
    };
  },
};
