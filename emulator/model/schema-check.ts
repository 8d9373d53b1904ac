import {
  eventBody,
  eventOperation,
  resolve,
  type JsonSchema,
  type OpenApiDocument,
} from "./openapi";

// The runtime's contract check, done here by hand for the JSON Schema subset
// the profiles use (type, enum, minimum/maximum, minLength/maxLength,
// required, properties, items, anyOf, local $ref): no code generation, no
// Ajv. A command that fails is dropped without a reply, as runtime 3.x does
// for SDK 2.9.0 clients (docs/reactor-contract.md, "Errors").
//
// Uploads are merged into the arguments before the check, as the runtime
// does, so an upload field is validated like any other object.

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
  if (schema.type && !hasType(schema.type, value)) {
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

function hasType(type: NonNullable<JsonSchema["type"]>, value: unknown) {
  switch (type) {
    case "string":
      return typeof value === "string";
    // The runtime accepts an integral float for an integer field.
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "boolean":
      return typeof value === "boolean";
    case "object":
      return isRecord(value);
    case "array":
      return Array.isArray(value);
    case "null":
      return value === null;
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
