import type { HeldEvent } from "@/lib/controls/event-roles";

/**
 * Keys for held events, chosen by the values they send: movement values get
 * WASD, directions get the arrow keys, as in games. A value no key suits (or
 * whose key is taken) stays a press-and-hold button only.
 */
const KEY_FOR_VALUE: Record<string, string> = {
  forward: "w",
  back: "s",
  backward: "s",
  strafe_left: "a",
  strafe_right: "d",
  left: "ArrowLeft",
  right: "ArrowRight",
  up: "ArrowUp",
  down: "ArrowDown",
};

export interface KeyBinding {
  key: string;
  /** Index into the held events this binding belongs to. */
  held: number;
  value: string;
}

export function keyBindings(held: readonly HeldEvent[]): KeyBinding[] {
  const taken = new Set<string>();
  const bindings: KeyBinding[] = [];
  held.forEach((event, index) => {
    for (const value of event.values) {
      const key = KEY_FOR_VALUE[value];
      if (!key || taken.has(key)) continue;
      taken.add(key);
      bindings.push({ key, held: index, value });
    }
  });
  return bindings;
}

/** How a key is shown on its button. */
export function keyLabel(key: string): string {
  const arrows: Record<string, string> = {
    ArrowLeft: "←",
    ArrowRight: "→",
    ArrowUp: "↑",
    ArrowDown: "↓",
  };
  return arrows[key] ?? key.toUpperCase();
}

/** Normalises KeyboardEvent.key so W and w (Caps Lock, Shift) match. */
export const normaliseKey = (key: string) =>
  key.length === 1 ? key.toLowerCase() : key;
