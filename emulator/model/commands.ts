// Application commands of the emulated model. Every command gets exactly one
// reply, so a UI can show success or failure for each click.

export interface ModelControls {
  readonly scenes: readonly string[];
  setScene(name: string): boolean;
  pause(): void;
  resume(): void;
}

export type CommandResult = { ok: true } | { ok: false; message: string };

export function runCommand(
  model: ModelControls,
  command: string,
  args: unknown,
): CommandResult {
  switch (command) {
    case "set_scene": {
      const scene = isRecord(args) ? args.scene : undefined;
      if (typeof scene !== "string")
        return { ok: false, message: "set_scene needs { scene: string }" };
      if (!model.setScene(scene)) {
        return {
          ok: false,
          message: `unknown scene "${scene}"; expected one of ${model.scenes.join(", ")}`,
        };
      }
      return { ok: true };
    }
    case "pause":
      model.pause();
      return { ok: true };
    case "resume":
      model.resume();
      return { ok: true };
    default:
      return { ok: false, message: `unknown command "${command}"` };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
