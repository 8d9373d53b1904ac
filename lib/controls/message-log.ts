/**
 * The message log's entries, newest first and bounded, so a model that sends
 * a snapshot per chunk for an hour does not grow the page without end.
 */
export const LOG_LIMIT = 200;

export interface LogEntry {
  id: number;
  /** The message type, or undefined for something that had none. */
  type: string | undefined;
  body: unknown;
  at: number;
}

export function appendEntry(
  log: readonly LogEntry[],
  entry: LogEntry,
  limit = LOG_LIMIT,
): LogEntry[] {
  return [entry, ...log.slice(0, limit - 1)];
}

/** Types present in the log, for the filter, in first-seen order. */
export function logTypes(log: readonly LogEntry[]): string[] {
  const types = new Set<string>();
  for (let i = log.length - 1; i >= 0; i--) {
    types.add(log[i]!.type ?? "(no type)");
  }
  return [...types];
}

/** A value as one line of text for tables and log rows. */
export function showValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === undefined) return "";
  return JSON.stringify(value) ?? String(value);
}
