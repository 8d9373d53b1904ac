"use client";

import { useNow } from "@/components/use-now";
import { secondsLeft } from "@/lib/policies/session-clock";

/** The idle policy's question, with its countdown and the Keep button. */
export function IdleNotice({
  endsAt,
  onKeep,
}: {
  endsAt: number;
  onKeep: () => void;
}) {
  const left = secondsLeft(endsAt, useNow());
  return (
    <div
      className="idle-notice"
      role="alertdialog"
      aria-labelledby="idle-title"
      aria-describedby="idle-text"
    >
      <p className="idle-title" id="idle-title">
        Still watching?
      </p>
      <p id="idle-text">
        No input for a while, so this session ends in{" "}
        <span className="idle-seconds">{left}</span> s to stop using GPU time.
      </p>
      <button type="button" className="button primary" onClick={onKeep}>
        Keep watching
      </button>
    </div>
  );
}
