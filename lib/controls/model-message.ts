/**
 * Reads what arrives through useReactorMessage: `{type, data}` from a model,
 * or anything else a runtime let through (unparseable text arrives as the
 * raw string). Nothing here trusts the shape.
 */
export interface ModelMessage {
  type: string;
  data: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

export function readModelMessage(message: unknown): ModelMessage | undefined {
  if (!isObject(message) || typeof message.type !== "string") return undefined;
  return { type: message.type, data: message.data };
}

/** `state` / `state_update`: the model's full snapshot. */
export function snapshotOf(
  message: ModelMessage,
): Record<string, unknown> | undefined {
  if (message.type !== "state" && message.type !== "state_update") {
    return undefined;
  }
  return isObject(message.data) ? message.data : undefined;
}

/** A snapshot's `valid_commands`, when it carries a list of names. */
export function validCommandsOf(
  snapshot: Record<string, unknown>,
): string[] | undefined {
  const list = snapshot.valid_commands;
  if (!Array.isArray(list)) return undefined;
  return list.filter((name): name is string => typeof name === "string");
}

/** `command_error {command, reason}`, the one error 2.9.0 clients hear. */
export function commandErrorOf(
  message: ModelMessage,
): { command: string; reason: string } | undefined {
  if (message.type !== "command_error" || !isObject(message.data)) {
    return undefined;
  }
  const { command, reason } = message.data;
  if (typeof command !== "string") return undefined;
  return {
    command,
    reason: typeof reason === "string" ? reason : JSON.stringify(reason),
  };
}
