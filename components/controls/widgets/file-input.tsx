import type { WidgetProps } from "@/components/controls/widgets/widget-props";
import type { Draft } from "@/lib/controls/draft";
import { acceptFor } from "@/lib/controls/upload-rules";

type FileDraft = Extract<Draft, { kind: "file" }>;

/** Picks the file; the form uploads it through the SDK when the command is sent. */
export function FileInput({
  control,
  field,
  onChange,
}: WidgetProps<FileDraft>) {
  return (
    <input
      {...control}
      className={`${control.className} file:me-2 file:cursor-pointer file:rounded file:border file:border-line file:bg-surface file:px-2 file:text-fg`}
      type="file"
      accept={acceptFor(field)}
      onChange={(e) =>
        onChange({ kind: "file", file: e.target.files?.[0] ?? null })
      }
    />
  );
}
