import { createHash } from "node:crypto";

// A clip player cannot paint a prompt, but it can show that the prompt
// changed: the prompt picks one of the committed clips by hash, and when that
// is the clip already playing, the next one. So a new prompt always switches
// the picture, and the same history of prompts always shows the same clips.

export function clipForPrompt(
  prompt: string,
  scenes: readonly string[],
  current: string,
): string {
  const digest = createHash("sha256").update(prompt).digest();
  const index = digest.readUInt32BE(0) % scenes.length;
  const pick = scenes[index]!;
  return pick === current && scenes.length > 1
    ? scenes[(index + 1) % scenes.length]!
    : pick;
}
