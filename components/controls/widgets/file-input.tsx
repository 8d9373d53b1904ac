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
      className={`${control.className} file:me-1 file:cursor-pointer file:rounded-sm file:bg-neutral-500 file:px-1.5 file:py-px file:text-white`}
      type="file"
      accept={acceptFor(field)}
      onChange={(e) =>
        onChange({ kind: "file", file: e.target.files?.[0] ?? null })
      }
    />
  );
}
