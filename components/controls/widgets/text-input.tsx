import { helpText, problemText } from "@/components/class-names";
import type { WidgetProps } from "@/components/controls/widgets/widget-props";

/**
 * One line, or a textarea for long limits, with a live count against
 * `maxLength`. The limit is not enforced by the element: a paste over it shows
 * the reason instead of being cut silently.
 */
export function TextInput({
  control,
  field,
  draft,
  onChange,
  multiline,
}: WidgetProps<"text"> & { multiline: boolean }) {
  const common = {
    ...control,
    value: draft.text,
    onChange: (e: { target: { value: string } }) =>
      onChange({ kind: "text", text: e.target.value }),
  };
  const length = [...draft.text].length;
  const over = field.maxLength !== undefined && length > field.maxLength;
  return (
    <>
      {multiline ? (
        <textarea rows={4} {...common} />
      ) : (
        <input type="text" {...common} />
      )}
      {field.maxLength !== undefined && (
        <span
          className={`justify-self-end tabular-nums ${over ? problemText : helpText}`}
          aria-label={`${length} of ${field.maxLength} characters`}
        >
          {length}/{field.maxLength}
        </span>
      )}
    </>
  );
}
