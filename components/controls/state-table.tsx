import { showValue } from "@/lib/controls/message-log";

/** The model's latest `state` / `state_update` snapshot, one row per key. */
export function StateTable({
  snapshot,
}: {
  snapshot: Record<string, unknown> | undefined;
}) {
  if (!snapshot) return null;
  return (
    <table className="state-table">
      <caption>Model state</caption>
      <tbody>
        {Object.entries(snapshot).map(([key, value]) => (
          <tr key={key}>
            <th scope="row">{key}</th>
            <td>
              <code>{showValue(value)}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
