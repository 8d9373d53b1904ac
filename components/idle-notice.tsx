"use client";

import { useEffect, useRef } from "react";
import { useNow } from "@/components/use-now";
import { secondsLeft } from "@/lib/policies/session-clock";
import { primaryButton, warningNotice } from "@/components/class-names";

/** The idle policy's question, with its countdown and the Keep button. */
export function IdleNotice({
  endsAt,
  onKeep,
}: {
  endsAt: number;
  onKeep: () => void;
}) {
  const left = secondsLeft(endsAt, useNow());
  const keep = useRef<HTMLButtonElement>(null);
  // An alertdialog takes focus, so screen readers announce it and Enter answers it.
  useEffect(() => keep.current?.focus(), []);
  return (
    <div
      className={warningNotice}
      role="alertdialog"
      aria-labelledby="idle-title"
      aria-describedby="idle-text"
    >
      <p className="mb-2 font-semibold" id="idle-title">
        Still watching?
      </p>
      <p className="mb-2" id="idle-text">
        No input for a while, so this session ends in{" "}
        <span className="tabular-nums">{left}</span> s to stop using GPU time.
      </p>
      <button
        ref={keep}
        type="button"
        className={primaryButton}
        onClick={onKeep}
      >
        Keep watching
      </button>
    </div>
  );
}
