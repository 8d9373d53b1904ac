import type { WidgetProps } from "@/components/controls/widgets/widget-props";
import type { Draft } from "@/lib/controls/draft";
import { acceptFor } from "@/lib/controls/upload-rules";

type FileDraft = Extract<Draft, { kind: "file" }>;

/** Picks the file; the form uploads it through the SDK when the command is sent. */
export function FileInput({
  id,
  field,
  onChange,
  invalid,
  describedBy,
  disabled,
}: WidgetProps<FileDraft>) {
  return (
    <input
      id={id}
      type="file"
      accept={acceptFor(field)}
      onChange={(e) =>
        onChange({ kind: "file", file: e.target.files?.[0] ?? null })
      }
      aria-invalid={invalid}
      aria-describedby={describedBy}
      disabled={disabled}
    />
  );
}
