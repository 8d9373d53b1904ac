import { useId, useState, type FormEvent } from "react";
import { button } from "@/components/class-names";
import { controlProps, FieldFrame } from "@/components/controls/field-frame";

/** Command names as runtimes accept them. */
const NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function problemOf(name: string, json: string): string | undefined {
  if (!NAME.test(name))
    return "Name: letters, digits and _ only, not starting with a digit";
  try {
    const data: unknown = JSON.parse(json || "{}");
    if (typeof data !== "object" || data === null || Array.isArray(data)) {
      return "Data must be a JSON object, like {}";
    }
  } catch (error) {
    return `Not valid JSON: ${(error as Error).message}`;
  }
  return undefined;
}

/**
 * The escape hatch: any command name with JSON data, for commands a model
 * accepts but does not declare. Nothing checks it against the schema.
 */
export function RawCommand({
  disabled,
  onSend,
  open,
}: {
  disabled: boolean;
  onSend: (name: string, data: Record<string, unknown>) => void;
  /** Unfolded when the model declares nothing else to send. */
  open: boolean;
}) {
  const id = useId();
  const [name, setName] = useState("");
  const [json, setJson] = useState("{}");
  const problem = name === "" ? undefined : problemOf(name, json);
  const data = controlProps(`${id}-data`, { problem });

  function submit(e: FormEvent) {
    e.preventDefault();
    if (name === "" || problem) return;
    onSend(name, JSON.parse(json || "{}") as Record<string, unknown>);
  }

  return (
    <details className="mt-4 text-label" open={open}>
      <summary>Send a raw command</summary>
      <form className="mt-2 grid gap-2" onSubmit={submit}>
        <FieldFrame id={`${id}-name`} label="Command name">
          <input
            {...controlProps(`${id}-name`, {})}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </FieldFrame>
        <FieldFrame id={`${id}-data`} label="Data (JSON)" problem={problem}>
          <textarea
            {...data}
            className={`${data.className} font-mono`}
            rows={3}
            spellCheck={false}
            value={json}
            onChange={(e) => setJson(e.target.value)}
          />
        </FieldFrame>
        <button
          type="submit"
          className={button}
          disabled={disabled || name === "" || problem !== undefined}
        >
          Send raw
        </button>
      </form>
    </details>
  );
}
