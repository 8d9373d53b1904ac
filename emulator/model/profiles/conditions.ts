import { Generation } from "./generation";
import type { ProfileContext } from "./profile";

// What the models say about their inputs (docs/reactor-contract.md,
// "Models"): a failure is the model's own `command_error {command, reason}`
// (the only error a 2.9.0 client hears), an upload that is not a PNG or JPEG
// is "could not decode the image", and Helios and LingBot confirm a prompt
// or image with `prompt_accepted` / `image_accepted`, then
// `conditions_ready`.

export type ImageSize = { width: number; height: number };

export function commandError(
  ctx: ProfileContext,
  command: string,
  reason: string,
): void {
  ctx.emit("command_error", { command, reason });
}

/** The pixel size of an uploaded image; undefined (after the model's `command_error`) when it is not one. */
export function uploadedImage(
  ctx: ProfileContext,
  command: string,
  ref: { upload_id: string },
): ImageSize | undefined {
  const size = ctx.upload(ref.upload_id)?.image;
  if (!size) commandError(ctx, command, "could not decode the image");
  return size ?? undefined;
}

/** A Helios or LingBot generation and the prompt and image it starts from. */
export function promptAndImageGeneration(
  ctx: ProfileContext,
  framesPerChunk: number,
): { run: Generation; inputs: PromptAndImage } {
  const run = new Generation(ctx.player, framesPerChunk);
  return { run, inputs: new PromptAndImage(ctx, run) };
}

class PromptAndImage {
  image: ImageSize | null = null;

  constructor(
    private readonly ctx: ProfileContext,
    private readonly run: Generation,
  ) {}

  /** Handles `set_prompt` and `set_image` (an upload, or null for none); false for any other command. */
  handle(command: string, args: Record<string, unknown>): boolean {
    switch (command) {
      case "set_prompt":
        this.acceptPrompt(args.prompt as string);
        return true;
      case "set_image":
        this.acceptImage(command, args.image as { upload_id: string } | null);
        return true;
      default:
        return false;
    }
  }

  private acceptPrompt(prompt: string): void {
    this.run.setPrompt(prompt);
    this.ctx.emit("prompt_accepted", { prompt: this.run.prompt });
    this.announce();
  }

  private acceptImage(
    command: string,
    ref: { upload_id: string } | null,
  ): void {
    if (!ref) {
      commandError(this.ctx, command, "image is missing");
      return;
    }
    const size = uploadedImage(this.ctx, command, ref);
    if (!size) return;
    this.image = size;
    this.ctx.emit("image_accepted", { ...size });
    this.announce();
  }

  private announce(): void {
    this.ctx.emit("conditions_ready", {
      has_prompt: this.run.prompt !== "",
      has_image: this.image !== null,
    });
  }
}
