import { useId, useState } from "react";
import { logTypes, showValue, type LogEntry } from "@/lib/controls/message-log";

const ALL = "";

/** What the model said, newest first, filterable by type; undeclared types are shown raw. */
export function MessageLog({
  log,
  declared,
}: {
  log: readonly LogEntry[];
  /** Message types the schema declares; anything else is marked undeclared. */
  declared: ReadonlySet<string>;
}) {
  const id = useId();
  const [filter, setFilter] = useState(ALL);
  const types = logTypes(log);
  const shown =
    filter === ALL
      ? log
      : log.filter((e) => (e.type ?? "(no type)") === filter);

  return (
    <div className="mt-4">
      <div className="flex items-baseline justify-between text-note">
        <h3 id={`${id}-title`} className="mb-1 text-[0.95rem] font-semibold">
          Messages
        </h3>
        <label>
          Type{" "}
          <select
            className="rounded border border-line bg-page px-1"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          >
            <option value={ALL}>All ({log.length})</option>
            {types.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ol
        className="max-h-64 list-decimal overflow-y-auto pl-5 text-note text-muted"
        aria-labelledby={`${id}-title`}
        aria-live="polite"
      >
        {shown.map((entry) => {
          const known = entry.type !== undefined && declared.has(entry.type);
          return (
            <li key={entry.id}>
              {entry.type !== undefined && <b>{entry.type}</b>}{" "}
              {!known && (
                <span className="text-[0.8em] text-warn">undeclared</span>
              )}{" "}
              <code>{showValue(entry.body)}</code>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
