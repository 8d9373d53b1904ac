import { commandError, uploadedImage, type ImageSize } from "./conditions";
import { Generation } from "./generation";
import { ltx2Schema } from "./ltx2.schema";
import type { ModelProfile, ProfileContext } from "./profile";

// reactor/ltx2, the LTX-2 talking head (docs/reactor-contract.md, "LTX-2"):
// an avatar image and a script, then `start` speaks the script as video
// (`main_video`) and sound (`main_audio`), which start and stop together.
// `valid_commands` in state_update is authoritative; setters sent during a
// take are queued for the next one; `stop` keeps the conditions.

const FPS = 30;
/** Seconds per generated window. */
const WINDOW_SECONDS = 2;
const WPM_MIN = 80;
const WPM_MAX = 220;

export const ltx2: ModelProfile = {
  id: "ltx2",
  stateMessage: "state_update",
  schema: () => ltx2Schema,
  create(ctx: ProfileContext) {
    const { emit } = ctx;
    const run = new Generation(ctx.player, FPS * WINDOW_SECONDS);
    const conditions = {
      script: "",
      prompt: "",
      avatar: null as ImageSize | null,
      wpm: 150,
      durationSeconds: 0,
      seed: 0,
    };
    let queued = new Map<string, () => void>();
    let finished = false;

    const words = () => conditions.script.split(/\s+/).filter(Boolean).length;
    const effectiveSeconds = () =>
      conditions.durationSeconds > 0
        ? conditions.durationSeconds
        : Math.max(1, Math.round((words() / conditions.wpm) * 600) / 10);
    const totalWindows = () => Math.ceil(effectiveSeconds() / WINDOW_SECONDS);
    const ready = () => conditions.avatar !== null && conditions.script !== "";
    const generating = () => run.running;
    const validCommands = () => {
      const setters = [
        "set_avatar_image",
        "set_script",
        "set_prompt",
        "set_wpm",
        "set_duration_seconds",
        "set_seed",
        "reset",
      ];
      if (run.running) return [...setters, "pause", "stop"];
      if (run.paused) return [...setters, "resume", "stop"];
      return ready() ? [...setters, "start"] : setters;
    };
    const endTake = () => {
      run.pause();
      run.paused = false;
      for (const apply of queued.values()) apply();
      queued = new Map();
    };
    // A setter during a take waits for the next one (the take's conditions are fixed at start).
    const set = (command: string, apply: () => void, accepted: () => void) => {
      if (run.started && (run.running || run.paused)) {
        queued.set(command, () => {
          apply();
          accepted();
        });
        return;
      }
      apply();
      accepted();
    };

    return {
      handle(command, args) {
        if (!validCommands().includes(command)) {
          return commandError(ctx, command, `${command} is not valid now`);
        }
        switch (command) {
          case "set_avatar_image": {
            const ref = args.avatar_image as { upload_id: string };
            const size = uploadedImage(ctx, command, ref);
            if (!size) return;
            return set(
              command,
              () => (conditions.avatar = size),
              () => emit("avatar_image_accepted", { ...size }),
            );
          }
          case "set_script":
            return set(
              command,
              () => (conditions.script = (args.script as string).trim()),
              () => emit("script_accepted", { words: words() }),
            );
          case "set_prompt":
            return set(
              command,
              () => (conditions.prompt = args.prompt as string),
              () => emit("prompt_accepted", { prompt: conditions.prompt }),
            );
          case "set_wpm": {
            const wpm = args.wpm as number;
            if (wpm < WPM_MIN || wpm > WPM_MAX) {
              return commandError(
                ctx,
                command,
                `wpm must be ${WPM_MIN}–${WPM_MAX}`,
              );
            }
            return set(
              command,
              () => (conditions.wpm = wpm),
              () => emit("wpm_accepted", { wpm }),
            );
          }
          case "set_duration_seconds":
            return set(
              command,
              () =>
                (conditions.durationSeconds = args.duration_seconds as number),
              () => undefined,
            );
          case "set_seed":
            return set(
              command,
              () => (conditions.seed = args.seed as number),
              () => undefined,
            );
          case "start":
            finished = false;
            // The clip stands in for the avatar speaking; the script picks which.
            run.setPrompt(conditions.script);
            run.start();
            return emit("generation_started", {
              total_windows: totalWindows(),
            });
          case "pause":
          case "resume":
            run[command]();
            return;
          case "stop":
            return endTake();
          case "reset":
            endTake();
            run.reset();
            Object.assign(conditions, {
              script: "",
              prompt: "",
              avatar: null,
              durationSeconds: 0,
            });
            finished = false;
            return emit("generation_reset", {});
        }
      },
      tick() {
        if (run.running && run.frames >= effectiveSeconds() * FPS) {
          finished = true;
          endTake();
        }
      },
      state: () => ({
        script: conditions.script,
        prompt: conditions.prompt,
        has_avatar_image: conditions.avatar !== null,
        wpm: conditions.wpm,
        duration_seconds: conditions.durationSeconds,
        effective_seconds: effectiveSeconds(),
        seed: conditions.seed,
        ready: ready(),
        generating: generating(),
        valid_commands: validCommands(),
        queued_changes: [...queued.keys()],
        wpm_min: WPM_MIN,
        wpm_max: WPM_MAX,
        paused: run.paused,
        finished,
        window_index: Math.min(run.chunk, totalWindows()),
        total_windows: totalWindows(),
        seconds_sent: Math.round((run.frames / FPS) * 10) / 10,
      }),
    };
  },
};
