import type { WidgetProps } from "@/components/controls/widgets/widget-props";

export function BooleanCheckbox({
  control,
  draft,
  onChange,
}: WidgetProps<"boolean">) {
  return (
    <input
      {...control}
      type="checkbox"
      checked={draft.checked}
      onChange={(e) => onChange({ kind: "boolean", checked: e.target.checked })}
    />
  );
}
