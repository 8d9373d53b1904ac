import type { Draft } from "@/lib/controls/draft";
import type { FieldSpec } from "@/lib/model-schema/types";

/**
 * Spread as is onto a widget's input, select or textarea: the id its label
 * points at, its validity, the ids of its help and error texts, and its look.
 */
export interface ControlProps {
  id: string;
  "aria-invalid": boolean;
  "aria-describedby": string | undefined;
  disabled: boolean;
  className: string;
}

/** What every field widget takes, for the draft kind it edits. */
export interface WidgetProps<K extends Draft["kind"] = Draft["kind"]> {
  control: ControlProps;
  field: FieldSpec;
  draft: Extract<Draft, { kind: K }>;
  onChange: (draft: Extract<Draft, { kind: K }>) => void;
}
