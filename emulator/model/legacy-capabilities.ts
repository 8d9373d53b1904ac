import {
  eventBody,
  eventNames,
  eventOperation,
  isUploadReference,
  resolve,
  type OpenApiDocument,
} from "./openapi";
import { requiredFields } from "./schema-check";

// The `modelCapabilities` command list an older runtime sends in reply to
// `requestCapabilities` (scenario schemaProtocol "legacy"), derived from the
// same schema document: per command `{name, description, schema}` where
// schema maps each parameter to `{type, description?, minimum?, maximum?,
// enum?, default?, required: boolean}` (docs/reactor-contract.md, "Legacy
// capabilities"). Upload parameters become `type: "object", format:
// "file-reference"`, the form later legacy runtimes used.

export interface LegacyCommand {
  name: string;
  description: string;
  schema: Record<string, Record<string, unknown>>;
}

const KEPT = ["description", "minimum", "maximum", "enum", "default"] as const;

export function legacyCommands(doc: OpenApiDocument): LegacyCommand[] {
  return eventNames(doc).map((name) => {
    const op = eventOperation(doc, name)!;
    const body = eventBody(doc, op);
    const required = new Set(requiredFields(doc, body));
    const schema: LegacyCommand["schema"] = {};
    for (const [field, raw] of Object.entries(body.properties ?? {})) {
      const property = resolve(doc, raw);
      const spec: Record<string, unknown> = isUploadReference(doc, raw)
        ? { type: "object", format: "file-reference" }
        : { type: property.type ?? "string" };
      for (const key of KEPT) {
        if (property[key] !== undefined) spec[key] = property[key];
      }
      spec.required = required.has(field);
      schema[field] = spec;
    }
    return {
      name,
      description: op.description ?? op.summary ?? name,
      schema,
    };
  });
}
