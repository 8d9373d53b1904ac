/**
 * A model's published interface, normalised from whichever description it
 * offers: today's OpenAPI `modelSchema`, a legacy `modelCapabilities` reply,
 * or the HTTP session's capabilities (tracks only on current runtimes). The
 * UI renders from this shape alone, so no component knows any model by name.
 * See docs/reactor-contract.md for the documents this is read from.
 */

/** A JSON Schema fragment as the model published it (refs already resolved). */
export type JsonSchema = Record<string, unknown>;

/** Which widget and validation rule a field gets. */
export type FieldType =
  | "string"
  | "integer"
  | "number"
  | "boolean"
  | "array"
  | "object"
  /** `{}`: any JSON value. */
  | "any"
  /** An uploaded file, sent as an SDK FileRef at the top level of the data. */
  | "upload";

export type EnumValue = string | number | boolean | null;

export interface FieldSpec {
  name: string;
  type: FieldType;
  /** The field's schema with `$ref`s resolved and any `null` arm removed. */
  schema: JsonSchema;
  description?: string;
  enum?: readonly EnumValue[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  /** Present only when the schema declares a default (which may be null). */
  default?: unknown;
  hasDefault: boolean;
  /** `anyOf: [T, {type: "null"}]`: null is a valid value. */
  nullable: boolean;
  /** Listed in `required`, or (with no `required` list) lacking a default. */
  required: boolean;
  /** `x-reactor-moderate: true`: the runtime content-moderates this field. */
  moderated?: boolean;
}

/** A command the client can send: `paths["/events/<name>"].post`. */
export interface EventSpec {
  name: string;
  /** `summary`, when the document gives one. */
  label?: string;
  description?: string;
  fields: FieldSpec[];
  /** Message type of a `200` reply, when the command declares one. */
  replyType?: string;
}

/** A message the model can send: `webhooks[<type>].post`. */
export interface MessageSpec {
  type: string;
  description?: string;
  fields: FieldSpec[];
}

/** Tracks from the client's point of view (model `out` = client `recvonly`). */
export interface TrackSpec {
  name: string;
  kind: "video" | "audio";
  direction: "recvonly" | "sendonly";
}

/**
 * Where the interface came from, best first: the OpenAPI schema, a legacy
 * `modelCapabilities` reply, the HTTP session's capabilities, or nothing.
 */
export type InterfaceSource = "schema" | "capabilities" | "session" | "none";

export interface ModelInterface {
  source: InterfaceSource;
  title?: string;
  version?: string;
  description?: string;
  events: EventSpec[];
  messages: MessageSpec[];
  tracks: TrackSpec[];
  /** What could not be read, one readable sentence each; never thrown. */
  problems: string[];
}

/** One reason a value cannot be sent; `field` is absent for whole-body issues. */
export interface ValidationIssue {
  field?: string;
  message: string;
}
