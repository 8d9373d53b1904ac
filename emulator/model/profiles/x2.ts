import { uploadedImage, type ImageSize } from "./conditions";
import type { ModelProfile, ProfileContext } from "./profile";
import { x2Schema } from "./x2.schema";

// xmax/x2 (docs/reactor-contract.md, "XMAX X2"): turns the client's `source`
// camera into `main_video`. It generates by itself once camera frames arrive
// and the prompt is non-empty, and stops when either goes away. The emulator
// cannot restyle video, so "generating" relays the camera's own frames: the
// client sees its camera come back through the model.

const SOURCE = "source";

export const x2: ModelProfile = {
  id: "x2",
  stateMessage: "state_update",
  schema: () => x2Schema,
  create(ctx: ProfileContext) {
    const { emit, inbound, player } = ctx;
    // Nothing of the clip library shows on an X2 stream.
    player.pause();
    let prompt = "";
    let reference: ImageSize | null = null;
    let pointer = { x: 0.5, y: 0.5, active: false };
    let keepBacklog = false;
    let generating = false;

    const update = () => {
      const next = prompt !== "" && inbound.flowing(SOURCE);
      if (next === generating) return;
      generating = next;
      inbound.relay(next ? SOURCE : null);
      if (next) emit("generation_started", {});
    };

    return {
      handle(command, args) {
        switch (command) {
          case "set_prompt":
            prompt = args.prompt as string;
            emit("prompt_accepted", { prompt });
            break;
          case "set_reference_image": {
            const ref = args.reference_image as { upload_id: string };
            const size = uploadedImage(ctx, command, ref);
            if (!size) return;
            reference = size;
            emit("reference_image_accepted", { ...size });
            if (generating) {
              emit("generation_stopped", { reason: "reference_image_changed" });
              generating = false;
              inbound.relay(null);
            }
            break;
          }
          case "set_pointer":
            pointer = {
              x: (args.x as number | undefined) ?? pointer.x,
              y: (args.y as number | undefined) ?? pointer.y,
              active: args.active as boolean,
            };
            emit("pointer_changed", { ...pointer });
            break;
          case "set_keep_backlog":
            keepBacklog = args.keep_backlog as boolean;
            break;
          case "reset":
            prompt = "";
            reference = null;
            pointer = { x: 0.5, y: 0.5, active: false };
            if (generating) emit("generation_stopped", { reason: "reset" });
            generating = false;
            inbound.relay(null);
            return;
        }
        update();
      },
      // Frames starting or stopping is noticed here, about once a second.
      tick: update,
      state: () => ({
        prompt: prompt === "" ? null : prompt,
        has_reference_image: reference !== null,
        pointer_x: pointer.x,
        pointer_y: pointer.y,
        pointer_active: pointer.active,
        keep_backlog: keepBacklog,
        generating,
        // The relayed camera's size is not parsed from its VP8 frames.
        width: null,
        height: null,
      }),
    };
  },
};
