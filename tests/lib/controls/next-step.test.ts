import { describe, expect, it } from "vitest";
import {
  event,
  field,
  pointerModel,
  promptModel,
} from "@test/fixtures/model-interface";
import { eventRoles } from "@/lib/controls/event-roles";
import { nextStep } from "@/lib/controls/next-step";

describe("nextStep", () => {
  const roles = eventRoles(promptModel.events);

  it("starts with the empty text setter, then the start event", () => {
    expect(nextStep(roles, new Set())).toEqual({
      text: "Set a prompt, then Start",
      event: "set_prompt",
    });
    expect(nextStep(roles, new Set(["set_prompt"]))).toEqual({
      text: "Now press Start",
      event: "start",
    });
    expect(nextStep(roles, new Set(["set_prompt", "start"]))).toBeUndefined();
  });

  it("names whatever text the model asks for", () => {
    const script = eventRoles([
      event("set_script", field("script", { type: "string", maxLength: 4000 })),
      event("start"),
    ]);
    expect(nextStep(script, new Set())?.text).toBe("Set a script, then Start");
  });

  it("asks for a required file too, one step at a time", () => {
    const roles = eventRoles([
      event("set_prompt", field("prompt", { type: "string" })),
      event("set_image", field("image", { type: "upload" })),
      event("start"),
    ]);
    expect(nextStep(roles, new Set())?.text).toBe(
      "Set a prompt and an image, then Start",
    );
    expect(nextStep(roles, new Set(["set_prompt"]))).toEqual({
      text: "Set an image, then Start",
      event: "set_image",
    });
  });

  it("has no Start step for a model without a start event", () => {
    const roles = eventRoles([
      event("set_input_text", field("input_text", { type: "string" })),
    ]);
    expect(nextStep(roles, new Set())?.text).toBe("Set an input text");
    expect(
      nextStep(eventRoles(pointerModel.events), new Set()),
    ).toBeUndefined();
  });
});
