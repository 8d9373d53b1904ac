"use client";

import { useState } from "react";
import {
  useModerationFeed,
  type ModerationNotice,
} from "@/components/sdk-compat";

/** Kept on screen; older ones drop off. */
const KEEP = 3;

/** The runtime's content-moderation messages, as warnings with what to change. */
export function ModerationNotices() {
  const [notices, setNotices] = useState<(ModerationNotice & { id: number })[]>(
    [],
  );
  useModerationFeed((notice) =>
    setNotices((previous) => [
      { ...notice, id: (previous[0]?.id ?? 0) + 1 },
      ...previous.slice(0, KEEP - 1),
    ]),
  );
  if (notices.length === 0) return null;
  return (
    <ul className="my-4 list-disc pl-10" aria-label="Moderation">
      {notices.map((notice) => (
        <li key={notice.id} role="alert">
          <b>
            {notice.action === "terminate"
              ? "Session ended by moderation"
              : "Moderation warning"}
          </b>
          {notice.command && (
            <>
              {" "}
              on <code>{notice.command}</code>
            </>
          )}
          : {notice.message}
          {notice.categories.length > 0 && ` (${notice.categories.join(", ")})`}
          . Rephrase or choose another input and send it again.
        </li>
      ))}
    </ul>
  );
}
