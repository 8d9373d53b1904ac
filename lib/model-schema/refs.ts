import type { JsonSchema } from "@/lib/model-schema/types";

/**
 * Local `$ref` resolution for the model's OpenAPI document. Only `#/…`
 * pointers exist in what runtimes publish; anything else, a pointer to
 * nothing, or a cycle is reported in `problems` and read as "unknown".
 */
export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export interface ReadContext {
  root: unknown;
  problems: string[];
}

/** Deeper than any real schema; stops a hand-built cyclic object. */
const MAX_DEPTH = 32;

function lookup(root: unknown, ref: string): unknown {
  if (!ref.startsWith("#")) return undefined;
  const pointer = ref.slice(1);
  if (pointer === "") return root;
  if (!pointer.startsWith("/")) return undefined;
  let node = root;
  for (const raw of pointer.slice(1).split("/")) {
    let key: string;
    try {
      key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    } catch {
      return undefined;
    }
    if (isObject(node) && Object.hasOwn(node, key)) node = node[key];
    else if (Array.isArray(node) && /^\d+$/.test(key)) node = node[Number(key)];
    else return undefined;
  }
  return node;
}

/**
 * Follows `$ref` chains at this node only. Keywords beside a `$ref` (runtimes
 * put `default: null` or a `description` there) override the target's.
 * Returns undefined when the node is not a schema or the reference is broken.
 */
export function resolve(
  node: unknown,
  ctx: ReadContext,
  where: string,
  seen: readonly string[] = [],
): Json | undefined {
  if (node === true) return {};
  if (!isObject(node)) return undefined;
  if (!Object.hasOwn(node, "$ref")) return node;
  const { $ref: ref, ...siblings } = node;
  if (typeof ref !== "string") {
    ctx.problems.push(`${where}: its $ref is not a string.`);
    return undefined;
  }
  if (seen.includes(ref)) {
    ctx.problems.push(`${where}: "${ref}" refers back to itself.`);
    return undefined;
  }
  if (seen.length >= MAX_DEPTH) {
    ctx.problems.push(`${where}: "${ref}" is nested too deeply.`);
    return undefined;
  }
  const target = lookup(ctx.root, ref);
  if (!isObject(target) && target !== true) {
    ctx.problems.push(
      ref.startsWith("#")
        ? `${where}: "${ref}" points at nothing in the document.`
        : `${where}: "${ref}" is outside the document, which is not supported.`,
    );
    return undefined;
  }
  const resolved = resolve(target, ctx, where, [...seen, ref]);
  return resolved && { ...resolved, ...siblings };
}

/** The name after the last `/` of a `#/components/schemas/<Name>` pointer. */
export function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf("/") + 1);
}

const SCHEMA_MAPS = ["properties", "patternProperties", "$defs"] as const;
const SCHEMA_LISTS = ["anyOf", "oneOf", "allOf", "prefixItems"] as const;
const SCHEMA_ONES = ["items", "additionalProperties", "not"] as const;

/**
 * Resolves every `$ref` inside a schema (properties, items, arms…), so the
 * validator and the UI never need the document. A reference that loops or
 * dangles becomes `{}` (any value) and is reported.
 */
export function resolveDeep(
  node: unknown,
  ctx: ReadContext,
  where: string,
  seen: readonly string[] = [],
): JsonSchema {
  if (seen.length >= MAX_DEPTH) {
    ctx.problems.push(`${where}: the schema is nested too deeply.`);
    return {};
  }
  const chain =
    isObject(node) && typeof node.$ref === "string"
      ? [...seen, node.$ref]
      : [...seen, "<inline>"];
  const resolved = resolve(node, ctx, where, seen);
  if (!resolved) return {};
  const out: Json = { ...resolved };
  for (const key of SCHEMA_MAPS) {
    const map = resolved[key];
    if (!isObject(map)) continue;
    out[key] = Object.fromEntries(
      Object.entries(map).map(([name, sub]) => [
        name,
        resolveDeep(sub, ctx, `${where}.${name}`, chain),
      ]),
    );
  }
  for (const key of SCHEMA_LISTS) {
    const list = resolved[key];
    if (!Array.isArray(list)) continue;
    out[key] = list.map((sub) => resolveDeep(sub, ctx, where, chain));
  }
  for (const key of SCHEMA_ONES) {
    const sub = resolved[key];
    if (isObject(sub)) out[key] = resolveDeep(sub, ctx, where, chain);
  }
  return out;
}
