import { UPLOAD_REFERENCE, type OpenApiDocument } from "../openapi";
import type { ModelProfile } from "./profile";
import { event, refWebhook } from "./schema-builders";

// Any model name without a profile of its own: streams the test pattern from
// the first frame, so the generic flow (connect → video) needs no commands.
// `webcam` is an input track so the publish path has something to test.

function schema(scenes: readonly string[]): OpenApiDocument {
  const state = refWebhook("state", "The model's state", {
    scene: { type: "string", description: "Scene on screen" },
    paused: { type: "boolean", description: "Frames are held" },
    frame: { type: "integer", description: "Frames sent so far" },
  });
  return {
    openapi: "3.1.0",
    info: {
      title: "test-pattern",
      version: "v1.0.0",
      description: "Pre-recorded scenes from the local emulator.",
    },
    "x-reactor": {
      tracks: [
        { name: "main_video", kind: "video", direction: "out" },
        { name: "webcam", kind: "video", direction: "in" },
      ],
    },
    paths: Object.fromEntries([
      event(
        "set_scene",
        "Switch the stream to another pre-recorded scene",
        {
          scene: {
            type: "string",
            enum: [...scenes],
            description: "Scene to show",
            "x-reactor-moderate": false,
          },
        },
        ["scene"],
      ),
      event("pause", "Freeze the stream on the current frame"),
      event("resume", "Continue a paused stream"),
    ]),
    webhooks: Object.fromEntries([state.webhook]),
    components: {
      schemas: Object.fromEntries([
        ["ReactorUploadReference", UPLOAD_REFERENCE],
        state.component,
      ]),
    },
  };
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
