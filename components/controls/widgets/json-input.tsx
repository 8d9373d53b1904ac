import type { WidgetProps } from "@/components/controls/widgets/widget-props";

/** Arrays, objects and `{}` fields: JSON text, parsed and checked before sending. */
export function JsonInput({ control, draft, onChange }: WidgetProps<"text">) {
  return (
    <textarea
      {...control}
      className={`${control.className} font-mono`}
      rows={3}
      spellCheck={false}
      value={draft.text}
      placeholder="JSON"
      onChange={(e) => onChange({ kind: "text", text: e.target.value })}
    />
  );
}
