import type { WidgetProps } from "@/components/controls/widgets/widget-props";
import type { Draft } from "@/lib/controls/draft";

type BooleanDraft = Extract<Draft, { kind: "boolean" }>;

export function BooleanCheckbox({
  id,
  draft,
  onChange,
  describedBy,
  disabled,
}: WidgetProps<BooleanDraft>) {
  return (
    <input
      id={id}
      type="checkbox"
      checked={draft.checked}
      onChange={(e) => onChange({ kind: "boolean", checked: e.target.checked })}
      aria-describedby={describedBy}
      disabled={disabled}
    />
  );
}
