import type { WidgetProps } from "@/components/controls/widgets/widget-props";
import type { Draft } from "@/lib/controls/draft";

type BooleanDraft = Extract<Draft, { kind: "boolean" }>;

export function BooleanCheckbox({
  control,
  draft,
  onChange,
}: WidgetProps<BooleanDraft>) {
  return (
    <input
      {...control}
      type="checkbox"
      checked={draft.checked}
      onChange={(e) => onChange({ kind: "boolean", checked: e.target.checked })}
    />
  );
}
