import type { WidgetProps } from "@/components/controls/widgets/widget-props";

/** A slider when both bounds are known (value shown beside it), else a number box. */
export function NumberInput({
  control,
  field,
  draft,
  onChange,
  slider,
}: WidgetProps<"text"> & { slider: boolean }) {
  const integer = field.type === "integer";
  const step = integer
    ? 1
    : slider
      ? (field.maximum! - field.minimum!) / 100
      : "any";
  const input = (
    <input
      {...control}
      className={
        slider ? `${control.className} m-0.5 flex-1` : control.className
      }
      type={slider ? "range" : "number"}
      inputMode={integer ? "numeric" : "decimal"}
      value={draft.text}
      min={field.minimum}
      max={field.maximum}
      step={step}
      onChange={(e) => onChange({ kind: "text", text: e.target.value })}
    />
  );
  if (!slider) return input;
  return (
    <span className="flex items-center gap-2">
      {input}
      {/* The slider itself reports its value to assistive tech. */}
      <span className="min-w-[3ch] tabular-nums" aria-hidden="true">
        {draft.text}
      </span>
    </span>
  );
}
