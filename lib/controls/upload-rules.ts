import type { FieldSpec } from "@/lib/model-schema/types";

/**
 * What a file field accepts. Schemas type uploads only as an upload reference,
 * so the media type comes from `contentMediaType` when a model declares one,
 * else from the field's name (`image`, `reference_image`, `video`…), else any
 * file. The model still has the last word (it replies `command_error`).
 */
const BY_NAME: [RegExp, string][] = [
  [/image|photo|picture|avatar/i, "image/*"],
  [/video|clip/i, "video/*"],
  [/audio|sound|voice/i, "audio/*"],
];

/**
 * No limit is published; this stops an accidental multi-gigabyte pick from
 * spending minutes in a single PUT that 2.9.0 cannot report progress for.
 */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export function acceptFor(field: FieldSpec): string | undefined {
  const declared = field.schema.contentMediaType;
  if (typeof declared === "string" && declared !== "") return declared;
  return BY_NAME.find(([pattern]) => pattern.test(field.name))?.[1];
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** Why this file cannot be uploaded for this field, or undefined. */
export function fileProblem(
  field: FieldSpec,
  file: File,
  limit = MAX_UPLOAD_BYTES,
): string | undefined {
  if (file.size === 0) return "This file is empty: choose another one";
  if (file.size > limit) {
    return `This file is ${megabytes(file.size)}; the limit is ${megabytes(limit)}. Choose a smaller one`;
  }
  const accept = acceptFor(field);
  if (accept && !matchesAccept(accept, file.type)) {
    return `Choose a file of type ${accept} (this one is ${file.type || "of unknown type"})`;
  }
  return undefined;
}

function matchesAccept(accept: string, type: string): boolean {
  return accept.split(",").some((part) => {
    const wanted = part.trim();
    return wanted.endsWith("/*")
      ? type.startsWith(wanted.slice(0, -1))
      : type === wanted;
  });
}
