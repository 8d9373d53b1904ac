import type { FieldSpec } from "@/lib/model-schema/types";
import { validateField } from "@/lib/model-schema/validate";
import { fileProblem } from "@/lib/controls/upload-rules";

/**
 * What a field's widget holds while the user edits it, and how that turns into
 * the value sent. Numbers and JSON stay text until sent, so a half-typed "-"
 * or "[1," can be shown with its reason instead of being lost.
 */
export type Draft =
  | { kind: "enum"; index: number }
  | { kind: "boolean"; checked: boolean }
  | { kind: "text"; text: string }
  | { kind: "file"; file: File | null };

/** The widget a field gets; one place, so the form and its tests agree. */
export type WidgetKind =
  | "select"
  | "checkbox"
  | "slider"
  | "number"
  | "text"
  | "textarea"
  | "json"
  | "file";

/** Strings longer than this get a textarea. */
const TEXTAREA_FROM_LENGTH = 200;

export function widgetFor(field: FieldSpec): WidgetKind {
  if (field.type === "upload") return "file";
  if (field.enum && field.enum.length > 0) return "select";
  switch (field.type) {
    case "boolean":
      return "checkbox";
    case "integer":
    case "number":
      return field.minimum !== undefined && field.maximum !== undefined
        ? "slider"
        : "number";
    case "string":
      return (field.maxLength ?? 0) > TEXTAREA_FROM_LENGTH
        ? "textarea"
        : "text";
    default:
      return "json";
  }
}

/** The widget's starting state, prefilled from the field's `default`. */
export function initialDraft(field: FieldSpec): Draft {
  const widget = widgetFor(field);
  const fallback = field.hasDefault ? field.default : undefined;
  switch (widget) {
    case "file":
      return { kind: "file", file: null };
    case "select":
      return { kind: "enum", index: field.enum!.indexOf(fallback as never) };
    case "checkbox":
      return { kind: "boolean", checked: fallback === true };
    case "slider":
      return {
        kind: "text",
        text: String(typeof fallback === "number" ? fallback : field.minimum),
      };
    case "number":
      return {
        kind: "text",
        text: typeof fallback === "number" ? String(fallback) : "",
      };
    case "text":
    case "textarea":
      return {
        kind: "text",
        text: typeof fallback === "string" ? fallback : "",
      };
    case "json":
      return {
        kind: "text",
        text: fallback === undefined ? "" : JSON.stringify(fallback, null, 2),
      };
  }
}

/** A picked file stands in for its FileRef until Send uploads it. */
const PENDING_UPLOAD = Object.freeze({ pendingUpload: true });

type Parsed =
  { value: unknown; error?: undefined } | { value?: undefined; error: string };

/** The value a draft sends; `undefined` means the key is left out. */
export function parseDraft(field: FieldSpec, draft: Draft): Parsed {
  switch (draft.kind) {
    case "file": {
      if (!draft.file) return { value: undefined };
      const problem = fileProblem(field, draft.file);
      return problem ? { error: problem } : { value: PENDING_UPLOAD };
    }
    case "enum":
      return { value: draft.index < 0 ? undefined : field.enum![draft.index] };
    case "boolean":
      return { value: draft.checked };
    case "text":
      break;
  }
  const widget = widgetFor(field);
  if (widget === "text" || widget === "textarea") return { value: draft.text };
  const text = draft.text.trim();
  if (text === "") return { value: undefined };
  if (widget === "json") {
    try {
      return { value: JSON.parse(text) };
    } catch (error) {
      return { error: `Not valid JSON: ${(error as Error).message}` };
    }
  }
  const value = Number(text);
  return Number.isFinite(value) ? { value } : { error: "Must be a number" };
}

/** Why this draft cannot be sent, or undefined when it can. */
export function draftProblem(
  field: FieldSpec,
  draft: Draft,
): string | undefined {
  const parsed = parseDraft(field, draft);
  if (parsed.error !== undefined) return parsed.error;
  return validateField(field, parsed.value);
}
