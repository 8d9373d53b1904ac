// One readable line per event: `<ISO time> <event> key=value ...`.
// Callers pass ids, states and reasons, never tokens, API keys or SDP.

export type LogSink = (line: string) => void;
export type LogFields = Record<
  string,
  string | number | boolean | null | undefined
>;
export type Logger = (event: string, fields?: LogFields) => void;

export function createLogger(sink: LogSink): Logger {
  return (event, fields = {}) => {
    const parts = [new Date().toISOString(), event];
    for (const [key, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      const text = String(value);
      parts.push(
        `${key}=${/[\s"=]/.test(text) || text === "" ? JSON.stringify(text) : text}`,
      );
    }
    sink(parts.join(" "));
  };
}
