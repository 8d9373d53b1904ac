import type { WidgetProps } from "@/components/controls/widgets/widget-props";
import { acceptFor } from "@/lib/controls/upload-rules";

/** Picks the file; the form uploads it through the SDK when the command is sent. */
export function FileInput({ control, field, onChange }: WidgetProps<"file">) {
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
