import {
  eventBody,
  eventOperation,
  resolve,
  type JsonSchema,
  type OpenApiDocument,
} from "./openapi";

// What the runtime does with an application command before the model sees
// it (docs/reactor-contract.md, "The schema document" and "Errors"): find the
// event, check the body against the field types the document was generated
// from (str, int, float, bool, Literal, list, T | None, uploaded files, with
// their bounds), fill in defaults, and drop a failing command without a reply
// to a 2.9.0 client. Uploads are merged into the arguments before the check,
// as the runtime does, so an upload field is checked like any other object.
//
// Deliberately separate from the app's lib/model-schema/validate.ts: the
// emulator is an independent witness of the runtime, so a mistake in the
// app's validator must not be repeated here unseen.

export type CheckResult =
  { ok: true; args: Record<string, unknown> } | { ok: false; why: string };

export function checkCommand(
  doc: OpenApiDocument,
  name: string,
  data: unknown,
): CheckResult {
  const op = eventOperation(doc, name);
  if (!op) return { ok: false, why: `unknown event "${name}"` };
  if (!isRecord(data)) return { ok: false, why: "body is not an object" };
  const body = eventBody(doc, op);
  const problem = checkObject(doc, body, data, "");
  if (problem) return { ok: false, why: problem };
  const args: Record<string, unknown> = {};
  for (const [field, schema] of Object.entries(body.properties ?? {})) {
    if (field in data) {
      args[field] = data[field];
    } else if ("default" in resolve(doc, schema)) {
      args[field] = resolve(doc, schema).default;
    }
  }
  return { ok: true, args };
}

/** Listed in `required`; with no list at all, every field without a default (docs/reactor-contract.md). */
export function requiredFields(
  doc: OpenApiDocument,
  schema: JsonSchema,
): string[] {
  if (schema.required) return [...schema.required];
  return Object.entries(schema.properties ?? {})
    .filter(([, property]) => !("default" in resolve(doc, property)))
    .map(([field]) => field);
}

function checkObject(
  doc: OpenApiDocument,
  schema: JsonSchema,
  value: Record<string, unknown>,
  at: string,
): string | null {
  for (const field of requiredFields(doc, schema)) {
    if (value[field] === undefined) {
      return `missing required field ${at}${field}`;
    }
  }
  for (const [field, property] of Object.entries(schema.properties ?? {})) {
    if (value[field] === undefined) continue;
    const problem = checkValue(doc, property, value[field], `${at}${field}`);
    if (problem) return problem;
  }
  if (schema.additionalProperties === false) {
    const extra = Object.keys(value).find(
      (field) => !(field in (schema.properties ?? {})),
    );
    if (extra) return `unexpected field ${at}${extra}`;
  }
  return null;
}

function checkValue(
  doc: OpenApiDocument,
  raw: JsonSchema,
  value: unknown,
  at: string,
): string | null {
  const schema = resolve(doc, raw);
  if (schema.anyOf) {
    const fits = schema.anyOf.some(
      (option) => checkValue(doc, option, value, at) === null,
    );
    return fits ? null : `${at} matches none of its allowed forms`;
  }
  if (schema.type && !RUNTIME_TYPES[schema.type](value)) {
    return `${at} must be ${article(schema.type)}, got ${JSON.stringify(value)}`;
  }
  if (schema.enum && !schema.enum.includes(value)) {
    return `${at} must be one of ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`;
  }
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum) {
      return `${at} must be ≥ ${schema.minimum}, got ${value}`;
    }
    if (schema.maximum !== undefined && value > schema.maximum) {
      return `${at} must be ≤ ${schema.maximum}, got ${value}`;
    }
  }
  if (typeof value === "string") {
    if (schema.minLength !== undefined && value.length < schema.minLength) {
      return `${at} must have at least ${schema.minLength} characters`;
    }
    if (schema.maxLength !== undefined && value.length > schema.maxLength) {
      return `${at} must have at most ${schema.maxLength} characters`;
    }
  }
  if (isRecord(value) && (schema.properties || schema.required)) {
    return checkObject(doc, schema, value, `${at}.`);
  }
  if (Array.isArray(value) && schema.items) {
    for (const [index, item] of value.entries()) {
      const problem = checkValue(doc, schema.items, item, `${at}[${index}]`);
      if (problem) return problem;
    }
  }
  return null;
}

/** The Python type behind each JSON Schema `type` the runtime writes, and what its check lets through. */
const RUNTIME_TYPES: Record<
  NonNullable<JsonSchema["type"]>,
  (value: unknown) => boolean
> = {
  string: (value) => typeof value === "string", // str
  integer: (value) => Number.isInteger(value), // int; an integral float passes too
  number: (value) => typeof value === "number" && Number.isFinite(value), // float
  boolean: (value) => typeof value === "boolean", // bool
  object: (value) => isRecord(value), // a dataclass or dict; an uploaded file's reference
  array: (value) => Array.isArray(value), // list[T]
  null: (value) => value === null, // None, in T | None
};

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
