import type { HeldEvent } from "@/lib/controls/event-roles";
import { keyBindings, keyLabel } from "@/lib/controls/key-bindings";
import { humanise } from "@/lib/controls/next-step";
import { button, helpText } from "@/components/class-names";

interface Props {
  held: readonly HeldEvent[];
  disabled: boolean;
  current: readonly (string | undefined)[];
  press: (index: number, value: string) => void;
  release: (index: number, value: string) => void;
}

/** Press-and-hold buttons for held events, each naming its key. */
export function HoldPad({ held, disabled, current, press, release }: Props) {
  if (held.length === 0) return null;
  const bindings = keyBindings(held);
  return (
    <div className="mt-3 flex flex-wrap gap-2">
      <p className={`basis-full ${helpText}`}>
        Hold a key or button; letting go sends idle.
      </p>
      {held.map((event, index) => (
        <fieldset
          key={event.event.name}
          className="flex flex-wrap gap-1 rounded-lg border border-line px-3 pt-[0.35em] pb-[0.625em]"
        >
          <legend className="px-0.5">{humanise(event.field.name)}</legend>
          {event.values.map((value) => {
            const key = bindings.find(
              (b) => b.held === index && b.value === value,
            )?.key;
            const stop = () => release(index, value);
            return (
              <button
                key={value}
                type="button"
                className={`${button} aria-pressed:border-accent aria-pressed:bg-accent/20`}
                disabled={disabled}
                aria-pressed={current[index] === value}
                aria-keyshortcuts={key}
                onPointerDown={() => press(index, value)}
                onPointerUp={stop}
                onPointerLeave={stop}
                onPointerCancel={stop}
                onKeyDown={(e) => {
                  if ((e.key === " " || e.key === "Enter") && !e.repeat)
                    press(index, value);
                }}
                onKeyUp={(e) => {
                  if (e.key === " " || e.key === "Enter") stop();
                }}
              >
                {humanise(value)}
                {key && (
                  <>
                    {" "}
                    <kbd className="ml-[0.35rem] rounded border border-line px-[0.3rem] text-[0.8em]">
                      {keyLabel(key)}
                    </kbd>
                  </>
                )}
              </button>
            );
          })}
        </fieldset>
      ))}
    </div>
  );
}
