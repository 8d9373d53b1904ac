/**
 * Turns a command's declared argument schema into form fields. Reactor models
 * describe arguments as `{ name: { type, enum?, minimum?, maximum?,
 * description?, required? } }` (what the SDK's ReactorController renders);
 * a JSON-Schema object (`{ type: "object", properties, required }`) is
 * accepted too.
 */
export type FieldKind = "number" | "integer" | "string" | "boolean";

export interface CommandField {
  name: string;
  kind: FieldKind;
  description?: string;
  options?: string[];
  minimum?: number;
  maximum?: number;
  required: boolean;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export function commandFields(schema: unknown): CommandField[] {
  if (!isObject(schema)) return [];
  const jsonSchema = schema.type === "object" && isObject(schema.properties);
  const properties = jsonSchema ? (schema.properties as Json) : schema;
  const requiredList = Array.isArray(schema.required)
    ? schema.required.filter((n): n is string => typeof n === "string")
    : [];

  return Object.entries(properties).flatMap(([name, spec]): CommandField[] => {
    if (!isObject(spec)) return [];
    const kind = spec.type;
    if (
      kind !== "number" &&
      kind !== "integer" &&
      kind !== "string" &&
      kind !== "boolean"
    ) {
      return [];
    }
    return [
      {
        name,
        kind,
        description:
          typeof spec.description === "string" ? spec.description : undefined,
        options: Array.isArray(spec.enum) ? spec.enum.map(String) : undefined,
        minimum: typeof spec.minimum === "number" ? spec.minimum : undefined,
        maximum: typeof spec.maximum === "number" ? spec.maximum : undefined,
        required: requiredList.includes(name) || spec.required === true,
      },
    ];
  });
}

/** Reads a submitted form back into the command's typed arguments. */
export function commandData(
  fields: CommandField[],
  form: FormData,
): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = form.get(field.name);
    if (field.kind === "boolean") {
      data[field.name] = raw === "on";
    } else if (typeof raw === "string" && raw !== "") {
      data[field.name] = field.kind === "string" ? raw : Number(raw);
    }
  }
  return data;
}
