import type { WidgetProps } from "@/components/controls/widgets/widget-props";
import { showValue } from "@/lib/controls/message-log";

export function EnumSelect({
  control,
  field,
  draft,
  onChange,
}: WidgetProps<"enum">) {
  return (
    <select
      {...control}
      value={String(draft.index)}
      onChange={(e) =>
        onChange({ kind: "enum", index: Number(e.target.value) })
      }
    >
      {draft.index < 0 && <option value="-1">Choose…</option>}
      {field.enum!.map((value, index) => (
        <option key={index} value={String(index)}>
          {value === null ? "(none)" : showValue(value)}
        </option>
      ))}
    </select>
  );
}
