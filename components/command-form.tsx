import type { CommandCapability } from "@reactor-team/js-sdk";
import { useId, type FormEvent } from "react";
import { commandData, commandFields } from "@/lib/command-fields";

interface Props {
  command: CommandCapability;
  disabled: boolean;
  onSend: (name: string, data: Record<string, unknown>) => void;
}

/** One model command as a small form built from its declared arguments. */
export function CommandForm({ command, disabled, onSend }: Props) {
  const id = useId();
  const fields = commandFields(command.schema);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSend(
      command.name,
      commandData(fields, new FormData(event.currentTarget)),
    );
  }

  return (
    <form className="command" onSubmit={submit} aria-labelledby={`${id}-name`}>
      <p className="command-name" id={`${id}-name`}>
        <code>{command.name}</code>
        <span className="command-description">{command.description}</span>
      </p>
      {fields.map((field) => {
        const fieldId = `${id}-${field.name}`;
        return (
          <label key={field.name} className="field" htmlFor={fieldId}>
            <span>{field.name}</span>
            {field.options ? (
              <select id={fieldId} name={field.name} required={field.required}>
                {field.options.map((option) => (
                  <option key={option}>{option}</option>
                ))}
              </select>
            ) : field.kind === "boolean" ? (
              <input id={fieldId} name={field.name} type="checkbox" />
            ) : (
              <input
                id={fieldId}
                name={field.name}
                type={field.kind === "string" ? "text" : "number"}
                step={field.kind === "integer" ? 1 : "any"}
                min={field.minimum}
                max={field.maximum}
                required={field.required}
                title={field.description}
              />
            )}
          </label>
        );
      })}
      <button type="submit" className="button" disabled={disabled}>
        Send <span className="visually-hidden">{command.name}</span>
      </button>
    </form>
  );
}
