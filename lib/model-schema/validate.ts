import { isObject, type Json } from "@/lib/model-schema/refs";
import type {
  EventSpec,
  FieldSpec,
  ValidationIssue,
} from "@/lib/model-schema/types";

/**
 * Checks command data against the schema subset models publish, before it is
 * sent: a 2.9.0 client never hears about runtime-side validation failures
 * (docs/reactor-contract.md, "Errors"), so the form is the only place to say
 * what is wrong. Hand-written on purpose: validators that compile schemas
 * (Ajv) use `new Function`, which the page's CSP forbids.
 *
 * Supported keywords: type (or a list of types), enum, const, minimum,
 * maximum, exclusiveMinimum, exclusiveMaximum, minLength, maxLength,
 * minItems, maxItems, items, properties, required, additionalProperties,
 * anyOf, oneOf (as anyOf) and allOf. Others are ignored, never failed.
 */

/** Nested data deeper than this is accepted unchecked. */
const MAX_DEPTH = 16;

const TYPE_NAMES: Record<string, string> = {
  string: "text",
  integer: "a whole number",
  number: "a number",
  boolean: "true or false",
  array: "a list",
  object: "an object",
  null: "empty",
};

const show = (value: unknown) =>
  typeof value === "string" ? value : JSON.stringify(value);

function hasType(type: string, value: unknown): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "boolean":
      return typeof value === "boolean";
    case "array":
      return Array.isArray(value);
    case "object":
      return isObject(value);
    case "null":
      return value === null;
    default:
      return true;
  }
}

const characters = (n: number) => `${n} character${n === 1 ? "" : "s"}`;
const items = (n: number) => `${n} item${n === 1 ? "" : "s"}`;

function checkNumber(schema: Json, value: number): string | undefined {
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = schema;
  if (typeof minimum === "number" && value < minimum) {
    return `Must be at least ${minimum}`;
  }
  if (typeof maximum === "number" && value > maximum) {
    return `Must be at most ${maximum}`;
  }
  if (typeof exclusiveMinimum === "number" && value <= exclusiveMinimum) {
    return `Must be more than ${exclusiveMinimum}`;
  }
  if (typeof exclusiveMaximum === "number" && value >= exclusiveMaximum) {
    return `Must be less than ${exclusiveMaximum}`;
  }
  return undefined;
}

function checkString(schema: Json, value: string): string | undefined {
  // Code points, as JSON Schema (and the Python runtime) count them.
  const length = [...value].length;
  const { minLength, maxLength } = schema;
  if (typeof minLength === "number" && length < minLength) {
    return `Must be at least ${characters(minLength)}`;
  }
  if (typeof maxLength === "number" && length > maxLength) {
    return `Must be at most ${characters(maxLength)}`;
  }
  return undefined;
}

function checkArray(
  schema: Json,
  value: unknown[],
  depth: number,
): string | undefined {
  const { minItems, maxItems } = schema;
  if (typeof minItems === "number" && value.length < minItems) {
    return `Must have at least ${items(minItems)}`;
  }
  if (typeof maxItems === "number" && value.length > maxItems) {
    return `Must have at most ${items(maxItems)}`;
  }
  if (!isObject(schema.items)) return undefined;
  for (const [i, item] of value.entries()) {
    const reason = checkValue(schema.items, item, depth + 1);
    if (reason) return `Item ${i + 1}: ${reason}`;
  }
  return undefined;
}

function checkObject(schema: Json, value: Json, depth: number) {
  const properties = isObject(schema.properties) ? schema.properties : {};
  if (Array.isArray(schema.required)) {
    for (const name of schema.required) {
      if (typeof name === "string" && !Object.hasOwn(value, name)) {
        return `"${name}": Required`;
      }
    }
  }
  for (const [name, item] of Object.entries(value)) {
    const sub = Object.hasOwn(properties, name)
      ? properties[name]
      : schema.additionalProperties;
    if (sub === false) return `"${name}": Not allowed here`;
    if (!isObject(sub)) continue;
    const reason = checkValue(sub, item, depth + 1);
    if (reason) return `"${name}": ${reason}`;
  }
  return undefined;
}

function checkEnum(schema: Json, value: unknown): string | undefined {
  if (Object.hasOwn(schema, "const") && schema.const !== value) {
    return `Must be ${show(schema.const)}`;
  }
  if (!Array.isArray(schema.enum) || schema.enum.includes(value)) {
    return undefined;
  }
  return `Must be one of: ${schema.enum.map(show).join(", ")}`;
}

/** The first reason `value` does not fit `schema`, or undefined. */
function checkValue(
  schema: Json,
  value: unknown,
  depth: number,
): string | undefined {
  if (depth > MAX_DEPTH) return undefined;

  for (const key of ["anyOf", "oneOf"] as const) {
    const arms = schema[key];
    if (!Array.isArray(arms) || arms.length === 0) continue;
    const reasons = arms
      .filter(isObject)
      .map((arm) => checkValue(arm, value, depth + 1));
    if (reasons.length > 0 && reasons.every(Boolean)) {
      return reasons.length === 1
        ? reasons[0]
        : "Does not match any allowed form";
    }
  }
  if (Array.isArray(schema.allOf)) {
    for (const arm of schema.allOf.filter(isObject)) {
      const reason = checkValue(arm, value, depth + 1);
      if (reason) return reason;
    }
  }

  const types =
    typeof schema.type === "string"
      ? [schema.type]
      : Array.isArray(schema.type)
        ? schema.type.filter((t): t is string => typeof t === "string")
        : [];
  if (types.length > 0 && !types.some((t) => hasType(t, value))) {
    const names = types.map((t) => TYPE_NAMES[t] ?? t);
    return `Must be ${names.join(" or ")}`;
  }

  const reason = checkEnum(schema, value);
  if (reason) return reason;
  if (typeof value === "number") return checkNumber(schema, value);
  if (typeof value === "string") return checkString(schema, value);
  if (Array.isArray(value)) return checkArray(schema, value, depth);
  if (isObject(value)) return checkObject(schema, value, depth);
  return undefined;
}

/**
 * undefined when `value` may be sent for `field`, else a short reason for the
 * form ("Required", "Must be at most 1"). `undefined` means absent. An upload
 * is checked only for being present: the caller holds the FileRef.
 */
export function validateField(
  field: FieldSpec,
  value: unknown,
): string | undefined {
  if (field.type === "upload") {
    if (value === undefined || value === null) {
      return field.required && !field.nullable ? "Required" : undefined;
    }
    return isObject(value) ? undefined : "Must be an uploaded file";
  }
  if (value === undefined) return field.required ? "Required" : undefined;
  if (value === null && field.nullable) return undefined;
  if (value === null && field.required && field.type !== "any") {
    return "Required";
  }
  // The FieldSpec's own bounds win over the schema's (they are the same
  // numbers when parsed; a caller may tighten them).
  const schema: Json = {
    ...field.schema,
    type: field.type === "any" ? field.schema.type : field.type,
    enum: field.enum ?? field.schema.enum,
    minimum: field.minimum,
    maximum: field.maximum,
    minLength: field.minLength,
    maxLength: field.maxLength,
  };
  if (field.type === "any") delete schema.type;
  return checkValue(schema, value, 0);
}

/**
 * Every problem with one command's data: each declared field, and any key
 * the command does not declare (runtimes reject unknown arguments).
 */
export function validateEventData(
  event: EventSpec,
  data: Record<string, unknown>,
): ValidationIssue[] {
  if (!isObject(data)) {
    return [{ message: "The command's data must be an object" }];
  }
  const issues: ValidationIssue[] = [];
  for (const field of event.fields) {
    const reason = validateField(
      field,
      Object.hasOwn(data, field.name) ? data[field.name] : undefined,
    );
    if (reason) issues.push({ field: field.name, message: reason });
  }
  for (const name of Object.keys(data)) {
    if (!event.fields.some((f) => f.name === name)) {
      issues.push({ field: name, message: `Not a parameter of ${event.name}` });
    }
  }
  return issues;
}
