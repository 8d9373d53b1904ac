import type { Draft } from "@/lib/controls/draft";
import type { FieldSpec } from "@/lib/model-schema/types";

/** What every field widget takes; the id labels it, `describedBy` names its help and error. */
export interface WidgetProps<D extends Draft = Draft> {
  id: string;
  field: FieldSpec;
  draft: D;
  onChange: (draft: D) => void;
  invalid: boolean;
  describedBy: string | undefined;
  disabled: boolean;
}
