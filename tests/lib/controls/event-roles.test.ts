import { describe, expect, it } from "vitest";
import {
  event,
  field,
  heldModel,
  pointerModel,
  promptModel,
} from "@test/fixtures/model-interface";
import { eventRoles } from "@/lib/controls/event-roles";
import { keyBindings } from "@/lib/controls/key-bindings";

const names = (events: { name: string }[]) => events.map((e) => e.name);

describe("eventRoles", () => {
  it("puts parameterless events in the lifecycle toolbar and the rest in forms", () => {
    const roles = eventRoles(promptModel.events);
    expect(names(roles.lifecycle)).toEqual(["start", "pause", "reset"]);
    expect(names(roles.setters)).toEqual([
      "set_prompt",
      "set_image",
      "set_strength",
      "set_seed",
      "set_quality",
    ]);
    expect(roles.held).toEqual([]);
    expect(roles.pointer).toBeUndefined();
  });

  it("holds a one-field enum that includes idle, whatever it is called", () => {
    const roles = eventRoles([
      event(
        "steer",
        field("wheel", { type: "string", enum: ["idle", "spin"] }),
      ),
      event("mode", field("mode", { type: "string", enum: ["a", "b"] })),
    ]);
    expect(roles.held.map((h) => [h.event.name, h.values])).toEqual([
      ["steer", ["spin"]],
    ]);
    expect(names(roles.setters)).toEqual(["mode"]);
  });

  it("finds the pointer event by x/y in 0..1 plus active", () => {
    expect(eventRoles(pointerModel.events).pointer?.event.name).toBe(
      "set_pointer",
    );
    const unbounded = event(
      "set_pointer",
      field("x", { type: "number" }),
      field("y", { type: "number" }),
      field("active", { type: "boolean" }),
    );
    expect(eventRoles([unbounded]).pointer).toBeUndefined();
  });
});

describe("keyBindings", () => {
  it("binds movement values to WASD and directions to the arrows", () => {
    const held = eventRoles(heldModel.events).held;
    expect(keyBindings(held).map((b) => `${b.key}=${b.value}`)).toEqual([
      "w=forward",
      "s=back",
      "a=strafe_left",
      "d=strafe_right",
      "ArrowLeft=left",
      "ArrowRight=right",
    ]);
  });

  it("never binds one key twice", () => {
    const held = eventRoles([
      event("a", field("a", { type: "string", enum: ["idle", "left"] })),
      event("b", field("b", { type: "string", enum: ["idle", "left"] })),
    ]).held;
    expect(keyBindings(held)).toEqual([
      { key: "ArrowLeft", held: 0, value: "left" },
    ]);
  });
});
