import type { OpenApiDocument } from "./openapi";

// Scenario schemaProtocol "malformed": the model's document with the kinds of
// damage a hand-written or half-migrated runtime can publish. The first event
// stays intact so a client that reads what it can still has a control; every
// other event, the webhooks and the tracks are broken in a different way.

export function malformedSchema(doc: OpenApiDocument): Record<string, unknown> {
  const [first, ...rest] = Object.entries(doc.paths ?? {});
  const broken = rest.map(([path], i) => {
    const damage = [
      "not an operation",
      {
        post: {
          requestBody: {
            content: {
              "application/json": {
                schema: { $ref: "#/components/schemas/Missing" },
              },
            },
          },
        },
      },
      {
        post: {
          requestBody: {
            content: {
              "application/json": {
                schema: { type: "object", properties: { value: { type: 42 } } },
              },
            },
          },
        },
      },
    ];
    return [path, damage[i % damage.length]];
  });
  return {
    ...doc,
    paths: Object.fromEntries(first ? [first, ...broken] : broken),
    webhooks: ["not", "a", "map"],
    "x-reactor": { tracks: "main_video" },
  };
}
