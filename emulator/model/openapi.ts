// The subset of an OpenAPI 3.1 `modelSchema` document the emulator's
// profiles publish and check commands against (docs/reactor-contract.md,
// "The schema document"). Anything else a real document may carry is allowed
// by the index signatures and ignored here.

export interface JsonSchema {
  type?:
    "string" | "integer" | "number" | "boolean" | "object" | "array" | "null";
  enum?: readonly unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  default?: unknown;
  description?: string;
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  items?: JsonSchema;
  anyOf?: readonly JsonSchema[];
  $ref?: string;
  "x-reactor-moderate"?: boolean;
  [key: string]: unknown;
}

export interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  requestBody?: {
    required?: boolean;
    content: { "application/json": { schema: JsonSchema } };
  };
  responses?: Record<string, unknown>;
}

export interface TrackDeclaration {
  name: string;
  kind: "video" | "audio";
  /** The model's point of view: `out` = the client receives it. */
  direction: "in" | "out";
}

/** A track the model sends and the client receives. */
export function output(
  name: string,
  kind: TrackDeclaration["kind"],
): TrackDeclaration {
  return { name, kind, direction: "out" };
}

/** A track the client publishes and the model receives. */
export function input(
  name: string,
  kind: TrackDeclaration["kind"],
): TrackDeclaration {
  return { name, kind, direction: "in" };
}

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description?: string };
  "x-reactor": { tracks: TrackDeclaration[] };
  paths?: Record<string, { post: Operation }>;
  webhooks?: Record<string, { post: Operation }>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** Both schema generations ship it; a field that `$ref`s it is filled from the envelope's `uploads`. */
export const UPLOAD_REFERENCE: JsonSchema = {
  type: "object",
  format: "reactor-upload-reference",
  description: "Reference to a file uploaded via the Reactor upload protocol.",
  properties: {
    upload_id: { type: "string", format: "uuid" },
    name: { type: "string" },
    mime_type: { type: "string" },
    size: { type: "integer" },
  },
  required: ["upload_id", "name", "mime_type", "size"],
};

export const UPLOAD_REFERENCE_REF =
  "#/components/schemas/ReactorUploadReference";

/** Resolves a local `#/components/schemas/X` reference; other schemas pass through. */
export function resolve(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace(/^#\/components\/schemas\//, "");
  const target = doc.components?.schemas?.[name];
  if (!target) throw new Error(`unresolvable $ref ${schema.$ref}`);
  // Keywords beside the $ref (e.g. `default: null`) apply on top of the target.
  const beside = { ...schema };
  delete beside.$ref;
  return { ...target, ...beside };
}

export function isUploadReference(
  doc: OpenApiDocument,
  schema: JsonSchema,
): boolean {
  const format = resolve(doc, schema).format;
  return format === "reactor-upload-reference" || format === "file-reference";
}

/** Event names in document order (the operationId, else the path's last segment). */
export function eventNames(doc: OpenApiDocument): string[] {
  return Object.entries(doc.paths ?? {})
    .filter(([path]) => path.startsWith("/events/"))
    .map(([path, item]) => item.post.operationId ?? path.split("/").pop()!);
}

export function eventOperation(
  doc: OpenApiDocument,
  name: string,
): Operation | undefined {
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    if (!path.startsWith("/events/")) continue;
    if ((item.post.operationId ?? path.split("/").pop()) === name) {
      return item.post;
    }
  }
  return undefined;
}

/** The event's body schema; an event without a requestBody takes `{}`. */
export function eventBody(doc: OpenApiDocument, op: Operation): JsonSchema {
  const schema = op.requestBody?.content["application/json"].schema;
  return schema ? resolve(doc, schema) : { type: "object", properties: {} };
}
