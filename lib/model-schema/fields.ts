import {
  isObject,
  resolve,
  resolveDeep,
  type Json,
  type ReadContext,
} from "@/lib/model-schema/refs";
import type {
  EnumValue,
  FieldSpec,
  FieldType,
  JsonSchema,
} from "@/lib/model-schema/types";

/**
 * One parameter's JSON Schema → a FieldSpec. Reads the subset runtimes
 * publish: type, enum, bounds, lengths, default, `anyOf [T, null]`, arrays,
 * objects, `{}` and upload references. Anything else is kept in `schema` and the field falls back to
 * "any" (a JSON value) rather than disappearing.
 */

/** `ReactorUploadReference` today; `file-reference` in earlier codegen. */
const UPLOAD_FORMATS = new Set(["reactor-upload-reference", "file-reference"]);
const TYPES = new Set<string>([
  "string",
  "integer",
  "number",
  "boolean",
  "array",
  "object",
]);

const without = (schema: Json, key: string): Json =>
  Object.fromEntries(Object.entries(schema).filter(([k]) => k !== key));

const isNullSchema = (s: Json) =>
  s.type === "null" ||
  (Array.isArray(s.enum) && s.enum.length === 1 && s.enum[0] === null);

const isEnumValue = (v: unknown): v is EnumValue =>
  v === null || ["string", "number", "boolean"].includes(typeof v);

/**
 * Unwraps `anyOf`/`oneOf` with a `{type: "null"}` arm, a one-arm `allOf`, and
 * `type: [T, "null"]`. Keywords beside the union (default, description,
 * x-reactor-moderate) stay on the result.
 */
function unwrapNullable(
  schema: Json,
  ctx: ReadContext,
  where: string,
): { schema: Json; nullable: boolean } {
  for (const key of ["anyOf", "oneOf"] as const) {
    const arms = schema[key];
    if (!Array.isArray(arms)) continue;
    const resolved = arms.map((arm) => resolve(arm, ctx, where) ?? {});
    const nonNull = resolved.filter((arm) => !isNullSchema(arm));
    if (nonNull.length !== 1) continue;
    const outer = without(schema, key);
    const inner = unwrapNullable({ ...nonNull[0], ...outer }, ctx, where);
    return {
      schema: inner.schema,
      nullable: inner.nullable || nonNull.length < resolved.length,
    };
  }
  const all = schema.allOf;
  if (Array.isArray(all) && all.length === 1) {
    const outer = without(schema, "allOf");
    const arm = resolve(all[0], ctx, where) ?? {};
    return unwrapNullable({ ...arm, ...outer }, ctx, where);
  }
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((t) => t !== "null");
    if (types.length === 1) {
      return {
        schema: { ...schema, type: types[0] },
        nullable: types.length < schema.type.length,
      };
    }
  }
  return { schema, nullable: false };
}

function fieldType(
  schema: Json,
  enumValues: readonly EnumValue[] | undefined,
  ctx: ReadContext,
  where: string,
): FieldType {
  if (typeof schema.format === "string" && UPLOAD_FORMATS.has(schema.format)) {
    return "upload";
  }
  const type = schema.type;
  if (type === "file") return "upload";
  if (typeof type === "string" && TYPES.has(type)) return type as FieldType;
  if (type !== undefined) {
    ctx.problems.push(
      `${where}: type ${JSON.stringify(type)} is not understood; it is edited as raw JSON.`,
    );
    return "any";
  }
  if (enumValues && enumValues.length > 0) {
    const kinds = new Set(enumValues.map((v) => typeof v));
    if (kinds.size === 1 && kinds.has("string")) return "string";
    if (kinds.size === 1 && kinds.has("boolean")) return "boolean";
    if (kinds.size === 1 && kinds.has("number")) {
      return enumValues.every((v) => Number.isInteger(v))
        ? "integer"
        : "number";
    }
    return "any";
  }
  if (isObject(schema.properties)) return "object";
  if (schema.items !== undefined) return "array";
  return "any";
}

function readNumber(
  schema: Json,
  key: string,
  ctx: ReadContext,
  where: string,
  wholeOnly = false,
): number | undefined {
  const value = schema[key];
  if (value === undefined) return undefined;
  if (
    typeof value === "number" &&
    Number.isFinite(value) &&
    (!wholeOnly || (Number.isInteger(value) && value >= 0))
  ) {
    return value;
  }
  ctx.problems.push(
    `${where}: ${key} ${JSON.stringify(value)} is not a ${wholeOnly ? "whole number" : "number"}; it is ignored.`,
  );
  return undefined;
}

function readEnum(
  schema: Json,
  ctx: ReadContext,
  where: string,
): EnumValue[] | undefined {
  const values = schema.enum;
  if (values === undefined) return undefined;
  if (!Array.isArray(values)) {
    ctx.problems.push(`${where}: enum is not a list; it is ignored.`);
    return undefined;
  }
  const kept = values.filter(isEnumValue);
  if (kept.length < values.length) {
    ctx.problems.push(
      `${where}: enum values that are lists or objects are ignored.`,
    );
  }
  return kept;
}

/**
 * `isRequired` decides from whether the field has a default: the OpenAPI
 * rule (a `required` list, or no list and no default) and the legacy one
 * (a per-field boolean) differ only there.
 */
export function readField(
  name: string,
  raw: unknown,
  isRequired: (hasDefault: boolean) => boolean,
  ctx: ReadContext,
  where: string,
): FieldSpec {
  const here = `${where}, field "${name}"`;
  const resolved = resolve(raw, ctx, here);
  if (!resolved) {
    if (!isObject(raw) || !Object.hasOwn(raw, "$ref")) {
      ctx.problems.push(`${here}: its schema is not an object.`);
    }
  }
  // A broken $ref still leaves its siblings (default, description) readable.
  const base: Json = resolved ?? (isObject(raw) ? without(raw, "$ref") : {});
  const { schema: unwrapped, nullable } = unwrapNullable(base, ctx, here);
  const schema: JsonSchema = resolveDeep(unwrapped, ctx, here);
  const enumValues = readEnum(schema, ctx, here);
  const type = fieldType(schema, enumValues, ctx, here);
  const hasDefault = Object.hasOwn(schema, "default");
  const moderate = schema["x-reactor-moderate"];

  const field: FieldSpec = {
    name,
    type,
    schema,
    hasDefault,
    nullable,
    required: isRequired(hasDefault),
  };
  // An upload's resolved schema describes ReactorUploadReference, not the
  // field: only a description written beside the reference is the field's.
  const description =
    type === "upload"
      ? isObject(raw)
        ? raw.description
        : undefined
      : schema.description;
  if (typeof description === "string" && description !== "") {
    field.description = description;
  }
  if (enumValues) field.enum = enumValues;
  const minimum = readNumber(schema, "minimum", ctx, here);
  const maximum = readNumber(schema, "maximum", ctx, here);
  const minLength = readNumber(schema, "minLength", ctx, here, true);
  const maxLength = readNumber(schema, "maxLength", ctx, here, true);
  if (minimum !== undefined) field.minimum = minimum;
  if (maximum !== undefined) field.maximum = maximum;
  if (minLength !== undefined) field.minLength = minLength;
  if (maxLength !== undefined) field.maxLength = maxLength;
  if (hasDefault) field.default = schema.default;
  if (typeof moderate === "boolean") field.moderated = moderate;
  return field;
}

/**
 * A request or message body (`{type: "object", properties, required}`, by
 * value or `$ref`) → its fields. No body, or an empty `properties`, means a
 * command without parameters.
 */
export function readBody(
  raw: unknown,
  ctx: ReadContext,
  where: string,
): FieldSpec[] {
  if (raw === undefined) return [];
  const body = resolve(raw, ctx, where);
  if (!body) {
    if (!isObject(raw) || !Object.hasOwn(raw, "$ref")) {
      ctx.problems.push(`${where}: its body schema is not an object.`);
    }
    return [];
  }
  if (body.type !== undefined && body.type !== "object") {
    ctx.problems.push(
      `${where}: its body has type ${JSON.stringify(body.type)}, not "object"; its parameters are not shown.`,
    );
    return [];
  }
  const properties = body.properties;
  if (properties === undefined) return [];
  if (!isObject(properties)) {
    ctx.problems.push(`${where}: its properties are not an object.`);
    return [];
  }
  const listed = readRequiredList(body.required, ctx, where);
  return Object.entries(properties).map(([name, schema]) =>
    readField(
      name,
      schema,
      (hasDefault) => (listed ? listed.includes(name) : !hasDefault),
      ctx,
      where,
    ),
  );
}

/**
 * Runtimes list every field without a default and omit an empty list; a
 * document with no list at all (older runtimes) gives every field a default. So with
 * no list, "no default" is what makes a field required.
 */
function readRequiredList(
  value: unknown,
  ctx: ReadContext,
  where: string,
): string[] | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) {
    return value;
  }
  ctx.problems.push(
    `${where}: "required" is not a list of names; fields without a default are treated as required.`,
  );
  return undefined;
}
