import type { EventRoles } from "@/lib/controls/event-roles";
import type { EventSpec } from "@/lib/model-schema/types";

/**
 * The one-line "what now" shown above the controls, built from the declared
 * events: the first setter that takes a single, still-empty piece of text
 * (a prompt, a script…) and then the `start` lifecycle event, if the model
 * has one. Models that start by themselves get only the setter step.
 */
export interface NextStep {
  text: string;
  /** The event the hint points at, so its control can be highlighted. */
  event: string;
}

/** `set_image_strength` → `Set image strength`. */
export const humanise = (name: string) => {
  const words = name.replace(/_+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const article = (noun: string) => (/^[aeiou]/i.test(noun) ? "an" : "a");

function opener(setters: readonly EventSpec[]) {
  return setters.find((event) => {
    if (event.fields.length !== 1) return false;
    const [field] = event.fields;
    return (
      field!.type === "string" &&
      !field!.enum &&
      (typeof field!.default !== "string" || field!.default === "")
    );
  });
}

export function nextStep(
  roles: EventRoles,
  sent: ReadonlySet<string>,
): NextStep | undefined {
  const first = opener(roles.setters);
  const start = roles.lifecycle.find((e) => e.name === "start");
  const startLabel = start && humanise(start.name);
  if (first && !sent.has(first.name)) {
    const noun = first.fields[0]!.name.replace(/_+/g, " ");
    const then = start ? `, then ${startLabel}` : "";
    return { text: `Set ${article(noun)} ${noun}${then}`, event: first.name };
  }
  if (start && !sent.has(start.name)) {
    return { text: `Now press ${startLabel}`, event: start.name };
  }
  return undefined;
}
