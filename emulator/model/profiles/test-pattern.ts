import { input, output, type OpenApiDocument } from "../openapi";
import type { ModelProfile } from "./profile";
import { command, refWebhook, runtimeDocument } from "./schema-builders";

// Any model name without a profile of its own: streams the test pattern from
// the first frame, so the generic flow (connect → video) needs no commands.
// `webcam` is an input track so the publish path has something to test.

function schema(scenes: readonly string[]): OpenApiDocument {
  return runtimeDocument({
    title: "test-pattern",
    description: "Pre-recorded scenes from the local emulator.",
    tracks: [output("main_video", "video"), input("webcam", "video")],
    events: [
      command("set_scene", "Switch the stream to another pre-recorded scene", {
        scene: {
          type: "string",
          enum: [...scenes],
          description: "Scene to show",
        },
      }),
      command("pause", "Freeze the stream on the current frame"),
      command("resume", "Continue a paused stream"),
    ],
    messages: [
      refWebhook("state", "The model's state", {
        scene: { type: "string", description: "Scene on screen" },
        paused: { type: "boolean", description: "Frames are held" },
        frame: { type: "integer", description: "Frames sent so far" },
      }),
    ],
  });
}

export const testPattern: ModelProfile = {
  id: "test-pattern",
  schema,
  create: ({ player }) => ({
    handle(command, args) {
      if (command === "set_scene") player.setScene(args.scene as string);
      else if (command === "pause") player.pause();
      else if (command === "resume") player.resume();
    },
    state: () => ({ ...player.snapshot() }),
  }),
};
