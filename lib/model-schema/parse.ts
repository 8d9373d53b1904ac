import { readBody, readField } from "@/lib/model-schema/fields";
import {
  isObject,
  refName,
  resolve,
  type Json,
  type ReadContext,
} from "@/lib/model-schema/refs";
import type {
  EventSpec,
  FieldSpec,
  MessageSpec,
  ModelInterface,
  TrackSpec,
} from "@/lib/model-schema/types";

/**
 * Reads what a model publishes about itself into a ModelInterface. Pure: no
 * React, no SDK, never throws; whatever it cannot read lands in `problems`.
 *
 * Today's runtimes answer `requestSchema` with an OpenAPI 3.1 document
 * (docs/reactor-contract.md, "The schema document"):
 *
 *   paths["/events/<name>"].post      a command; its JSON body is the data
 *   webhooks["<type>"].post           a message the model sends
 *   components.schemas                message bodies and ReactorUploadReference
 *   x-reactor.tracks                  [{name, kind, direction: "in" | "out"}],
 *                                     from the model's point of view
 *
 * Bodies come inline (older runtimes) or as a `$ref` to a
 * component (runtime 3.x); both are read. Older runtimes instead answered
 * `requestCapabilities` with `{commands: [{name, description, schema}]}`, the
 * shape the HTTP session's `capabilities` still has (now always with no
 * commands): `parseCapabilities` reads that.
 */

const empty = (source: ModelInterface["source"]): ModelInterface => ({
  source,
  events: [],
  messages: [],
  tracks: [],
  problems: [],
});

/** Model `out` is what the client receives; model `in` is what it sends. */
const DIRECTIONS: Record<string, TrackSpec["direction"]> = {
  out: "recvonly",
  in: "sendonly",
  // HTTP capabilities and legacy documents already use the client's view.
  recvonly: "recvonly",
  sendonly: "sendonly",
};

const text = (value: unknown) =>
  typeof value === "string" && value !== "" ? value : undefined;

/** `state_update` ↔ `StateUpdate`, as runtimes name message components. */
const snakeCase = (pascal: string) =>
  pascal
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase();

function guard(
  source: ModelInterface["source"],
  read: (model: ModelInterface, ctx: ReadContext) => void,
  root: unknown,
): ModelInterface {
  const model = empty(source);
  const ctx: ReadContext = { root, problems: model.problems };
  try {
    read(model, ctx);
  } catch (error) {
    // Unreachable on JSON input; a hand-built object (getters, proxies) could.
    model.problems.push(
      `The document could not be read: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
  model.problems = [...new Set(model.problems)];
  return model;
}

function readTracks(
  value: unknown,
  ctx: ReadContext,
  where: string,
): TrackSpec[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    ctx.problems.push(`"${where}" is not a list; no tracks are read.`);
    return [];
  }
  return value.flatMap((track, i): TrackSpec[] => {
    const direction = isObject(track)
      ? DIRECTIONS[String(track.direction)]
      : undefined;
    if (
      !isObject(track) ||
      !text(track.name) ||
      (track.kind !== "video" && track.kind !== "audio") ||
      !direction
    ) {
      ctx.problems.push(
        `"${where}[${i}]" is not {name, kind: video|audio, direction: in|out}; it is skipped.`,
      );
      return [];
    }
    return [{ name: track.name as string, kind: track.kind, direction }];
  });
}

/** The JSON body schema of an operation (`requestBody` may be a `$ref` too). */
function bodySchema(operation: Json, ctx: ReadContext, where: string): unknown {
  if (operation.requestBody === undefined) return undefined;
  const body = resolve(operation.requestBody, ctx, where);
  const content = body && body.content;
  const json = isObject(content) ? content["application/json"] : undefined;
  if (!isObject(json)) {
    ctx.problems.push(`${where}: its requestBody has no JSON schema.`);
    return undefined;
  }
  return json.schema;
}

function operationOf(
  item: unknown,
  ctx: ReadContext,
  where: string,
): Json | undefined {
  const resolved = resolve(item, ctx, where);
  const post = resolved?.post;
  if (isObject(post)) return post;
  ctx.problems.push(`${where} has no "post" operation; it is skipped.`);
  return undefined;
}

/** An optional object section's entries; anything else is reported and read as none. */
function entriesOf(
  value: unknown,
  ctx: ReadContext,
  section: "webhooks" | "paths",
): [string, unknown][] {
  if (value === undefined) return [];
  if (isObject(value)) return Object.entries(value);
  const what = section === "webhooks" ? "messages" : "commands";
  ctx.problems.push(`"${section}" is not an object; no ${what} are read.`);
  return [];
}

function readMessages(
  webhooks: unknown,
  ctx: ReadContext,
  byRef: Map<string, string>,
): MessageSpec[] {
  return entriesOf(webhooks, ctx, "webhooks").flatMap(([key, item]) => {
    const where = `Message "${key}"`;
    const post = operationOf(item, ctx, where);
    if (!post) return [];
    const type = text(post.operationId) ?? key;
    const schema = bodySchema(post, ctx, where);
    if (isObject(schema) && typeof schema.$ref === "string") {
      byRef.set(schema.$ref, type);
    }
    const message: MessageSpec = {
      type,
      fields: readBody(schema, ctx, where),
    };
    const description = text(post.description) ?? text(post.summary);
    if (description) message.description = description;
    return [message];
  });
}

/** A `200` reply names its message component; `202` means no reply. */
function replyType(
  post: Json,
  ctx: ReadContext,
  byRef: Map<string, string>,
): string | undefined {
  const ok = isObject(post.responses) ? post.responses["200"] : undefined;
  const content = isObject(ok) ? ok.content : undefined;
  const json = isObject(content) ? content["application/json"] : undefined;
  const schema = isObject(json) ? json.schema : undefined;
  const ref = isObject(schema) ? schema.$ref : undefined;
  if (typeof ref !== "string" || ref === "") return undefined;
  const known = byRef.get(ref);
  if (known) return known;
  const component = resolve(schema, ctx, "A command's reply");
  return text(component?.["x-reactor-message-type"]) ?? snakeCase(refName(ref));
}

function readEvents(
  paths: unknown,
  ctx: ReadContext,
  byRef: Map<string, string>,
): EventSpec[] {
  const seen = new Set<string>();
  return entriesOf(paths, ctx, "paths").flatMap(([path, item]): EventSpec[] => {
    if (!path.startsWith("/events/")) return [];
    const where = `Command "${path}"`;
    const post = operationOf(item, ctx, where);
    if (!post) return [];
    const name = text(post.operationId) ?? path.slice("/events/".length);
    if (name === "" || seen.has(name)) {
      ctx.problems.push(
        `${where}: ${name === "" ? "it has no name" : `"${name}" is declared twice`}; it is skipped.`,
      );
      return [];
    }
    seen.add(name);
    const event: EventSpec = {
      name,
      fields: readBody(bodySchema(post, ctx, where), ctx, where),
    };
    const label = text(post.summary);
    const description = text(post.description);
    const reply = replyType(post, ctx, byRef);
    if (label) event.label = label;
    if (description) event.description = description;
    if (reply) event.replyType = reply;
    return [event];
  });
}

/** Today's `modelSchema` document → the model's interface (source "schema"). */
export function parseModelSchema(doc: unknown): ModelInterface {
  return guard(
    "schema",
    (model, ctx) => {
      if (!isObject(doc)) {
        ctx.problems.push("The schema is not a JSON object.");
        return;
      }
      if (typeof doc.openapi !== "string" || !doc.openapi.startsWith("3.")) {
        ctx.problems.push(
          `The schema is not an OpenAPI 3 document (openapi: ${JSON.stringify(doc.openapi)}); reading it anyway.`,
        );
      }
      const info = isObject(doc.info) ? doc.info : {};
      const title = text(info.title);
      const version = text(info.version);
      const description = text(info.description);
      if (title) model.title = title;
      if (version) model.version = version;
      if (description) model.description = description;

      const byRef = new Map<string, string>();
      model.messages = readMessages(doc.webhooks, ctx, byRef);
      model.events = readEvents(doc.paths, ctx, byRef);
      const extension = doc["x-reactor"];
      model.tracks = readTracks(
        isObject(extension) ? extension.tracks : undefined,
        ctx,
        "x-reactor.tracks",
      );
    },
    doc,
  );
}

/**
 * Legacy parameters: `{<name>: {type, description?, minimum?, maximum?,
 * enum?, default?, required?: boolean}}`, or a JSON-Schema object body.
 * File parameters are `type: "file"` or `format: "file-reference"`.
 */
function readLegacyParams(schema: unknown, ctx: ReadContext, where: string) {
  if (schema === undefined) return [];
  if (!isObject(schema)) {
    ctx.problems.push(`${where}: its schema is not an object.`);
    return [];
  }
  if (schema.type === "object" && isObject(schema.properties)) {
    return readBody(schema, ctx, where);
  }
  return Object.entries(schema).map(([name, spec]) =>
    readField(
      name,
      spec,
      () => isObject(spec) && spec.required === true,
      ctx,
      where,
    ),
  );
}

/** A legacy command or message: `{name, description?, schema}`. */
interface LegacyEntry {
  name: string;
  description?: string;
  fields: FieldSpec[];
}

function readLegacyList(
  value: unknown,
  ctx: ReadContext,
  what: "commands" | "messages",
): LegacyEntry[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    ctx.problems.push(`"${what}" is not a list; none are read.`);
    return [];
  }
  const seen = new Set<string>();
  return value.flatMap((entry, i): LegacyEntry[] => {
    const name = isObject(entry) ? text(entry.name) : undefined;
    if (!name || seen.has(name)) {
      ctx.problems.push(
        `"${what}[${i}]" ${name ? `repeats "${name}"` : "has no name"}; it is skipped.`,
      );
      return [];
    }
    seen.add(name);
    const label = what === "commands" ? "Command" : "Message";
    const read: LegacyEntry = {
      name,
      fields: readLegacyParams(entry.schema, ctx, `${label} "${name}"`),
    };
    const description = text(entry.description);
    if (description) read.description = description;
    return [read];
  });
}

/**
 * The legacy format: a `modelCapabilities` reply ("capabilities") or the
 * HTTP session's `capabilities` ("session"). Track directions there are
 * already the client's.
 */
export function parseCapabilities(
  caps: unknown,
  source: "capabilities" | "session",
): ModelInterface {
  return guard(
    source,
    (model, ctx) => {
      if (!isObject(caps)) {
        ctx.problems.push("The capabilities are not a JSON object.");
        return;
      }
      model.events = readLegacyList(caps.commands, ctx, "commands");
      model.messages = readLegacyList(caps.messages, ctx, "messages").map(
        ({ name, ...message }) => ({ type: name, ...message }),
      );
      model.tracks = readTracks(caps.tracks, ctx, "tracks");
    },
    caps,
  );
}
