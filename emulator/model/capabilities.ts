// The emulated model has the shape of a real Reactor model, so a UI built
// against it works against a real one of the same shape: one `main_video`
// output, an optional `webcam` input, and commands whose `schema` maps each
// argument to a JSON-schema-ish description (the form <ReactorController>
// renders). Track directions are from the client's point of view.

export const PROTOCOL_VERSION = "1.0";
export const EMISSION_FPS = 30;

export interface CommandDescription {
  name: string;
  description: string;
  schema: Record<string, Record<string, unknown>>;
}

export function describeCommands(
  scenes: readonly string[],
): CommandDescription[] {
  return [
    {
      name: "set_scene",
      description: "Switch the stream to another pre-recorded scene.",
      schema: {
        scene: {
          type: "string",
          enum: [...scenes],
          required: true,
          description: "Scene to show.",
        },
      },
    },
    {
      name: "pause",
      description: "Freeze the stream on the current frame.",
      schema: {},
    },
    { name: "resume", description: "Continue a paused stream.", schema: {} },
  ];
}

export function buildCapabilities(scenes: readonly string[]) {
  return {
    protocol_version: PROTOCOL_VERSION,
    tracks: [
      { name: "main_video", kind: "video", direction: "recvonly" },
      { name: "webcam", kind: "video", direction: "sendonly" },
    ],
    commands: describeCommands(scenes),
    emission_fps: EMISSION_FPS,
  };
}
