import type { Generation } from "./generation";
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

/** The prompt and image a Helios or LingBot generation starts from. */
export class PromptAndImage {
  image: ImageSize | null = null;

  constructor(
    private readonly ctx: ProfileContext,
    private readonly run: Generation,
  ) {}

  acceptPrompt(prompt: string): void {
    this.run.setPrompt(prompt);
    this.ctx.emit("prompt_accepted", { prompt: this.run.prompt });
    this.announce();
  }

  acceptImage(command: string, ref: { upload_id: string } | null): void {
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
