import type { WidgetProps } from "@/components/controls/widgets/widget-props";
import type { Draft } from "@/lib/controls/draft";

type TextDraft = Extract<Draft, { kind: "text" }>;

/**
 * One line, or a textarea for long limits, with a live count against
 * `maxLength`. The limit is not enforced by the element: a paste over it shows
 * the reason instead of being cut silently.
 */
export function TextInput({
  id,
  field,
  draft,
  onChange,
  invalid,
  describedBy,
  disabled,
  multiline,
}: WidgetProps<TextDraft> & { multiline: boolean }) {
  const common = {
    id,
    value: draft.text,
    onChange: (e: { target: { value: string } }) =>
      onChange({ kind: "text", text: e.target.value }),
    "aria-invalid": invalid,
    "aria-describedby": describedBy,
    disabled,
  };
  const length = [...draft.text].length;
  return (
    <>
      {multiline ? (
        <textarea rows={4} {...common} />
      ) : (
        <input type="text" {...common} />
      )}
      {field.maxLength !== undefined && (
        <span
          className={length > field.maxLength ? "count over" : "count"}
          aria-label={`${length} of ${field.maxLength} characters`}
        >
          {length}/{field.maxLength}
        </span>
      )}
    </>
  );
}
