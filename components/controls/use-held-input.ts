import { useCallback, useEffect, useRef, useState } from "react";
import { IDLE, type HeldEvent } from "@/lib/controls/event-roles";
import { keyBindings, normaliseKey } from "@/lib/controls/key-bindings";

type Send = (name: string, data: Record<string, unknown>) => void;

const typingInto = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/**
 * Held controls: a value is sent on press and `idle` on release, because the
 * model keeps the last value until told otherwise. Keys and press-and-hold
 * buttons share one stack per event, so releasing one of two held keys falls
 * back to the other rather than to idle.
 */
export function useHeldInput(
  held: readonly HeldEvent[],
  enabled: boolean,
  send: Send,
) {
  const stacks = useRef<string[][]>([]);
  const [current, setCurrent] = useState<(string | undefined)[]>([]);

  const emit = useCallback(
    (index: number) => {
      const event = held[index];
      if (!event) return;
      const top = stacks.current[index]?.at(-1);
      setCurrent((previous) => {
        const next = [...previous];
        next[index] = top;
        return next;
      });
      send(event.event.name, { [event.field.name]: top ?? IDLE });
    },
    [held, send],
  );

  const press = useCallback(
    (index: number, value: string) => {
      if (!enabled) return;
      const stack = (stacks.current[index] ??= []);
      if (stack.at(-1) === value) return;
      stacks.current[index] = [...stack.filter((v) => v !== value), value];
      emit(index);
    },
    [enabled, emit],
  );

  const release = useCallback(
    (index: number, value: string) => {
      const stack = stacks.current[index];
      if (!stack?.includes(value)) return;
      stacks.current[index] = stack.filter((v) => v !== value);
      emit(index);
    },
    [emit],
  );

  useEffect(() => {
    if (!enabled) return;
    const bindings = keyBindings(held);
    const find = (e: KeyboardEvent) =>
      e.ctrlKey || e.metaKey || e.altKey
        ? undefined
        : bindings.find((b) => b.key === normaliseKey(e.key));
    const down = (e: KeyboardEvent) => {
      const binding = find(e);
      if (!binding || typingInto(e.target)) return;
      e.preventDefault();
      if (!e.repeat) press(binding.held, binding.value);
    };
    const up = (e: KeyboardEvent) => {
      const binding = find(e);
      if (binding) release(binding.held, binding.value);
    };
    // A key released while the tab is in the background never sends keyup.
    const releaseAll = () => {
      stacks.current.forEach((stack, index) => {
        if (stack.length === 0) return;
        stacks.current[index] = [];
        emit(index);
      });
    };
    window.addEventListener("keydown", down);
    window.addEventListener("keyup", up);
    window.addEventListener("blur", releaseAll);
    return () => {
      window.removeEventListener("keydown", down);
      window.removeEventListener("keyup", up);
      window.removeEventListener("blur", releaseAll);
      stacks.current = [];
    };
  }, [enabled, held, press, release, emit]);

  return { press, release, current };
}
