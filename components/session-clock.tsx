"use client";

import { useNow } from "@/components/use-now";
import { formatClock } from "@/lib/format-time";
import {
  FINAL_NOTICE_MS,
  SESSION_MAX_MS,
  secondsLeft,
} from "@/lib/policies/session-clock";
import { warningNotice } from "@/components/class-names";

/** Time left before Reactor ends the session; a notice in the last minute. */
export function SessionClock({ deadline }: { deadline: number }) {
  const now = useNow();
  const left = secondsLeft(deadline, now);
  const final = deadline - now <= FINAL_NOTICE_MS;
  return (
    <div>
      <p className="mb-3">
        Session time left{" "}
        <time
          className={`font-semibold tabular-nums ${final ? "text-warn" : ""}`}
          dateTime={`PT${left}S`}
        >
          {formatClock(left)}
        </time>
      </p>
      {/* Static text, so screen readers hear it once, not every second. */}
      <p className={`${warningNotice} empty:hidden`} aria-live="polite">
        {final
          ? `Reactor ends every session after ${SESSION_MAX_MS / 60_000} minutes: this one ends in under a minute. Connect again afterwards to continue.`
          : ""}
      </p>
    </div>
  );
}
