import { controlProps, FieldFrame } from "@/components/controls/field-frame";
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
  const help = field.description;
  const common = {
    control: controlProps(id, { help, problem, disabled }),
    field,
  };
  const widget = widgetFor(field);

  return (
    <FieldFrame
      id={id}
      label={field.name}
      required={field.required}
      help={help}
      problem={problem}
      inline={widget === "checkbox"}
    >
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
    </FieldFrame>
  );
}
