import type { EventSpec, FieldSpec } from "@/lib/model-schema/types";

/**
 * Sorts a model's events by the interaction their shape asks for, never by
 * their names or the model's: parameterless events are lifecycle buttons, a
 * one-field enum that includes "idle" is held (sticky until released), an
 * event taking x/y in 0..1 plus `active` follows the pointer. The rest are
 * setter forms.
 */
export const IDLE = "idle";

export interface HeldEvent {
  event: EventSpec;
  field: FieldSpec;
  /** The enum's values other than idle, in declared order. */
  values: string[];
}

export interface PointerControl {
  event: EventSpec;
  x: FieldSpec;
  y: FieldSpec;
  active: FieldSpec;
}

export interface EventRoles {
  setters: EventSpec[];
  lifecycle: EventSpec[];
  held: HeldEvent[];
  pointer: PointerControl | undefined;
}

export function heldEvent(event: EventSpec): HeldEvent | undefined {
  if (event.fields.length !== 1) return undefined;
  const field = event.fields[0]!;
  if (!field.enum?.includes(IDLE)) return undefined;
  const values = field.enum.filter(
    (v): v is string => typeof v === "string" && v !== IDLE,
  );
  return values.length > 0 ? { event, field, values } : undefined;
}

const isUnit = (field: FieldSpec | undefined) =>
  field !== undefined &&
  (field.type === "number" || field.type === "integer") &&
  field.minimum === 0 &&
  field.maximum === 1;

export function pointerControl(event: EventSpec): PointerControl | undefined {
  const byName = new Map(event.fields.map((f) => [f.name, f]));
  const x = byName.get("x");
  const y = byName.get("y");
  const active = byName.get("active");
  if (!isUnit(x) || !isUnit(y) || active?.type !== "boolean") return undefined;
  return { event, x: x!, y: y!, active };
}

export function eventRoles(events: readonly EventSpec[]): EventRoles {
  const roles: EventRoles = {
    setters: [],
    lifecycle: [],
    held: [],
    pointer: undefined,
  };
  for (const event of events) {
    const held = heldEvent(event);
    const pointer = roles.pointer ? undefined : pointerControl(event);
    if (event.fields.length === 0) roles.lifecycle.push(event);
    else if (held) roles.held.push(held);
    else if (pointer) roles.pointer = pointer;
    else roles.setters.push(event);
  }
  return roles;
}
