import { BooleanCheckbox } from "@/components/controls/widgets/boolean-checkbox";
import { EnumSelect } from "@/components/controls/widgets/enum-select";
import { FileInput } from "@/components/controls/widgets/file-input";
import { JsonInput } from "@/components/controls/widgets/json-input";
import { NumberInput } from "@/components/controls/widgets/number-input";
import { TextInput } from "@/components/controls/widgets/text-input";
import { widgetFor, type Draft } from "@/lib/controls/draft";
import type { FieldSpec } from "@/lib/model-schema/types";

interface Props {
  id: string;
  field: FieldSpec;
  draft: Draft;
  onChange: (draft: Draft) => void;
  /** Shown beside the field; the form keeps Send disabled while it is set. */
  problem: string | undefined;
  disabled: boolean;
}

/** One field: its label (required ones marked), the widget its type gets, help and reason. */
export function FieldInput({
  id,
  field,
  draft,
  onChange,
  problem,
  disabled,
}: Props) {
  const helpId = field.description ? `${id}-help` : undefined;
  const problemId = problem ? `${id}-problem` : undefined;
  const describedBy =
    [helpId, problemId].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    field,
    invalid: problem !== undefined,
    describedBy,
    disabled,
  };
  const widget = widgetFor(field);

  return (
    <div className={widget === "checkbox" ? "field inline" : "field"}>
      <label htmlFor={id}>
        {field.name}
        {field.required && (
          <span className="required" title="required">
            {" "}
            *<span className="visually-hidden"> (required)</span>
          </span>
        )}
      </label>
      {draft.kind === "enum" && (
        <EnumSelect {...common} draft={draft} onChange={onChange} />
      )}
      {draft.kind === "boolean" && (
        <BooleanCheckbox {...common} draft={draft} onChange={onChange} />
      )}
      {draft.kind === "file" && (
        <FileInput {...common} draft={draft} onChange={onChange} />
      )}
      {draft.kind === "text" &&
        (widget === "slider" || widget === "number" ? (
          <NumberInput
            {...common}
            draft={draft}
            onChange={onChange}
            slider={widget === "slider"}
          />
        ) : widget === "json" ? (
          <JsonInput {...common} draft={draft} onChange={onChange} />
        ) : (
          <TextInput
            {...common}
            draft={draft}
            onChange={onChange}
            multiline={widget === "textarea"}
          />
        ))}
      {field.description && (
        <small id={helpId} className="help">
          {field.description}
        </small>
      )}
      {problem && (
        <small id={problemId} className="problem">
          {problem}
        </small>
      )}
    </div>
  );
}
