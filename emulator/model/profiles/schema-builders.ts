import {
  UPLOAD_REFERENCE,
  type JsonSchema,
  type OpenApiDocument,
  type Operation,
  type TrackDeclaration,
} from "../openapi";

// Shorthand for the profiles' schema documents, producing exactly the two
// shapes real runtimes send (docs/reactor-contract.md, "The schema
// document"): events as `POST /events/<name>` with a JSON body and a 202
// response; messages as webhooks whose body is either inline (the Helios
// document) or a `$ref` to a PascalCase component (runtime 3.x).

/** A field: its schema, or just its type (`"integer"` for `{ type: "integer" }`). */
type Field = JsonSchema | NonNullable<JsonSchema["type"]>;
type Fields = Record<string, Field>;
type PathItem = [string, { post: Operation }];
type RefWebhook = { webhook: PathItem; component: [string, JsonSchema] };

/** Every model's `command_error` message (docs/reactor-contract.md, "Errors"): spread into a webhook builder. */
export const COMMAND_ERROR = [
  "command_error",
  "Command rejected by the model",
  { command: "string", reason: "string" },
] as const satisfies [string, string, Fields];

/**
 * A runtime 3.x event: every field carries `x-reactor-moderate` (false
 * unless the field says true: the runtime moderates only the fields that
 * opt in), and `required` lists every field without a default unless a
 * model declares its own list.
 */
export function command(
  name: string,
  summary: string,
  fields: Fields = {},
  required: string[] = withoutDefault(expand(fields)),
): PathItem {
  const properties = Object.fromEntries(
    Object.entries(expand(fields)).map(([field, schema]) => {
      const { "x-reactor-moderate": moderate = false, ...rest } = schema;
      return [field, { ...rest, "x-reactor-moderate": moderate }];
    }),
  );
  return event(name, summary, properties, required);
}

export function event(
  name: string,
  summary: string,
  properties: Fields = {},
  required?: string[],
): PathItem {
  const schema: JsonSchema = { type: "object", properties: expand(properties) };
  if (required?.length) schema.required = required;
  return [
    `/events/${name}`,
    {
      post: {
        operationId: name,
        summary,
        requestBody: {
          required: true,
          content: { "application/json": { schema } },
        },
        responses: { "202": { description: "Event accepted" } },
      },
    },
  ];
}

export function inlineWebhook(
  name: string,
  summary: string,
  properties: Fields = {},
): PathItem {
  return [
    name,
    { post: webhookOperation(name, summary, objectOf(properties)) },
  ];
}

/** Runtime 3.x: the webhook body is a `$ref` to a component named in PascalCase. */
export function refWebhook(
  name: string,
  summary: string,
  properties: Fields = {},
): RefWebhook {
  const component = pascal(name);
  return {
    webhook: [
      name,
      {
        post: webhookOperation(name, summary, {
          $ref: `#/components/schemas/${component}`,
        }),
      },
    ],
    component: [component, objectOf(properties)],
  };
}

/** A runtime 3.x document: the upload-reference component first, then one component per message. */
export function runtimeDocument(parts: {
  title: string;
  description?: string;
  tracks: TrackDeclaration[];
  events: PathItem[];
  messages: RefWebhook[];
}): OpenApiDocument {
  return {
    openapi: "3.1.0",
    info: {
      title: parts.title,
      version: "v1.0.0",
      description: parts.description ?? "",
    },
    "x-reactor": { tracks: parts.tracks },
    paths: Object.fromEntries(parts.events),
    webhooks: Object.fromEntries(parts.messages.map((m) => m.webhook)),
    components: {
      schemas: Object.fromEntries([
        ["ReactorUploadReference", UPLOAD_REFERENCE],
        ...parts.messages.map((m) => m.component),
      ]),
    },
  };
}

function webhookOperation(
  name: string,
  summary: string,
  schema: JsonSchema,
): Operation {
  return {
    operationId: name,
    summary,
    requestBody: {
      required: true,
      content: { "application/json": { schema } },
    },
  };
}

/** Every field without a default is required (runtime 3.x); no list when none is. */
function objectOf(fields: Fields): JsonSchema {
  const properties = expand(fields);
  const required = withoutDefault(properties);
  return required.length
    ? { type: "object", properties, required }
    : { type: "object", properties };
}

function withoutDefault(properties: Record<string, JsonSchema>): string[] {
  return Object.entries(properties)
    .filter(([, schema]) => !("default" in schema))
    .map(([field]) => field);
}

function expand(fields: Fields): Record<string, JsonSchema> {
  return Object.fromEntries(
    Object.entries(fields).map(([name, field]) => [
      name,
      typeof field === "string" ? { type: field } : field,
    ]),
  );
}

function pascal(snake: string): string {
  return snake
    .split("_")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}
