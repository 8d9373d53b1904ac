import type { EventRoles } from "@/lib/controls/event-roles";
import type { EventSpec } from "@/lib/model-schema/types";

/**
 * The one-line "what now" shown above the controls, built from the declared
 * events: the first setter that takes a single, still-empty piece of text
 * (a prompt, a script…) plus any setter whose only field is a required file,
 * and then the `start` lifecycle event, if the model has one. Models that
 * start by themselves get only the setter step.
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

const noun = (event: EventSpec) => {
  const words = event.fields[0]!.name.replace(/_+/g, " ");
  return `${/^[aeiou]/i.test(words) ? "an" : "a"} ${words}`;
};

const isOpener = (event: EventSpec) => {
  const [field] = event.fields;
  return (
    event.fields.length === 1 &&
    field!.type === "string" &&
    !field!.enum &&
    (typeof field!.default !== "string" || field!.default === "")
  );
};

const isRequiredFile = (event: EventSpec) =>
  event.fields.length === 1 &&
  event.fields[0]!.type === "upload" &&
  event.fields[0]!.required;

export function nextStep(
  roles: EventRoles,
  sent: ReadonlySet<string>,
): NextStep | undefined {
  const opener = roles.setters.find(isOpener);
  const needed = [
    ...(opener ? [opener] : []),
    ...roles.setters.filter(isRequiredFile),
  ].filter((event) => !sent.has(event.name));
  const start = roles.lifecycle.find((e) => e.name === "start");
  const startLabel = start && humanise(start.name);
  if (needed.length > 0) {
    const then = start ? `, then ${startLabel}` : "";
    const list = needed.map(noun).join(" and ");
    return { text: `Set ${list}${then}`, event: needed[0]!.name };
  }
  if (start && !sent.has(start.name)) {
    return { text: `Now press ${startLabel}`, event: start.name };
  }
  return undefined;
}
