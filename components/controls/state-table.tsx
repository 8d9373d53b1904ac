import { showValue } from "@/lib/controls/message-log";

/** The model's latest `state` / `state_update` snapshot, one row per key. */
export function StateTable({
  snapshot,
}: {
  snapshot: Record<string, unknown> | undefined;
}) {
  if (!snapshot) return null;
  return (
    <table className="mt-4 w-full border-collapse text-note">
      <caption className="mb-1 text-left text-[0.95rem] font-semibold">
        Model state
      </caption>
      <tbody>
        {Object.entries(snapshot).map(([key, value]) => (
          <tr
            key={key}
            className="*:border-b *:border-line *:py-[0.15rem] *:pr-2 *:text-left *:align-top"
          >
            <th scope="row" className="font-normal text-muted">
              {key}
            </th>
            <td>
              <code>{showValue(value)}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
