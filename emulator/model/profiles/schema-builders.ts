import type { JsonSchema, Operation } from "../openapi";

// Shorthand for the profiles' schema documents, producing exactly the two
// shapes real runtimes send (docs/reactor-contract.md, "The schema
// document"): events as `POST /events/<name>` with a JSON body and a 202
// response; messages as webhooks whose body is either inline (the Helios
// document) or a `$ref` to a PascalCase component (runtime 3.x).

type Properties = Record<string, JsonSchema>;

export function event(
  name: string,
  summary: string,
  properties: Properties = {},
  required?: string[],
): [string, { post: Operation }] {
  const schema: JsonSchema = { type: "object", properties };
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
  properties: Properties = {},
): [string, { post: Operation }] {
  return [
    name,
    { post: webhookOperation(name, summary, objectOf(properties)) },
  ];
}

/** Runtime 3.x: the webhook body is a `$ref` to a component named in PascalCase. */
export function refWebhook(
  name: string,
  summary: string,
  properties: Properties = {},
): {
  webhook: [string, { post: Operation }];
  component: [string, JsonSchema];
} {
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
function objectOf(properties: Properties): JsonSchema {
  const required = Object.entries(properties)
    .filter(([, schema]) => !("default" in schema))
    .map(([field]) => field);
  return required.length
    ? { type: "object", properties, required }
    : { type: "object", properties };
}

export function pascal(snake: string): string {
  return snake
    .split("_")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}
