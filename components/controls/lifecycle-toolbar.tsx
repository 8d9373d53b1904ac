import { humanise } from "@/lib/controls/next-step";
import type { EventSpec } from "@/lib/model-schema/types";
import { button, problemText } from "@/components/class-names";

interface Props {
  events: EventSpec[];
  disabled: boolean;
  /** From the latest snapshot, when the model publishes it: only these are enabled. */
  validCommands: readonly string[] | undefined;
  errors: Readonly<Record<string, string>>;
  highlighted: string | undefined;
  onSend: (name: string, data: Record<string, unknown>) => void;
}

/** Parameterless events (start, pause, reset…) as one row of buttons, each with its error beside it. */
export function LifecycleToolbar({
  events,
  disabled,
  validCommands,
  errors,
  highlighted,
  onSend,
}: Props) {
  if (events.length === 0) return null;
  return (
    <ul className="mt-3 flex flex-wrap gap-2" aria-label="Lifecycle">
      {events.map((event) => {
        const allowed = !validCommands || validCommands.includes(event.name);
        const error = errors[event.name];
        return (
          <li key={event.name} className="grid max-w-56 gap-1">
            <button
              type="button"
              className={`${button} data-next-step:border-accent`}
              data-next-step={highlighted === event.name || undefined}
              disabled={disabled || !allowed}
              title={event.description ?? event.label}
              onClick={() => onSend(event.name, {})}
            >
              {humanise(event.name)}
            </button>
            {error && (
              <span className={problemText} role="alert">
                {error}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
