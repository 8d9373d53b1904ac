"use client";

import { useReactor, useStats } from "@reactor-team/js-sdk";
import { useState, useSyncExternalStore } from "react";
import type { SessionRecorder } from "@/components/session-recorder";
import { APP_VERSION, SDK_VERSION } from "@/lib/app-info";
import { buildDiagnostics } from "@/lib/diagnostics";
import type { PublicConfig } from "@/lib/public-config";
import { button } from "@/components/class-names";

interface Props {
  config: PublicConfig;
  recorder: SessionRecorder;
}

/**
 * "Copy diagnostics": the JSON a support ticket needs, also readable in
 * place. Built from picked fields only (lib/diagnostics.ts): no token, no key.
 */
export function DiagnosticsPanel({ config, recorder }: Props) {
  const sessionId = useReactor((s) => s.sessionId);
  const stats = useStats();
  // Re-render whenever the recorder changes; its fields are read below.
  useSyncExternalStore(recorder.subscribe, recorder.getVersion, () => 0);
  const [copied, setCopied] = useState<"copied" | "failed">();

  const report = (now: number) =>
    buildDiagnostics({
      appVersion: APP_VERSION,
      sdkVersion: SDK_VERSION,
      model: config.model,
      apiUrl: config.apiUrl,
      usingEmulator: config.usingEmulator,
      sessionId,
      statusHistory: recorder.statusHistory,
      connectionTimings: stats?.connectionTimings,
      ttffMs: recorder.timeToFirstFrameMs,
      stats: stats && {
        rttMs: stats.rtt,
        framesPerSecond: stats.framesPerSecond,
        packetLossRatio: stats.packetLossRatio,
        jitterMs: stats.jitter === undefined ? undefined : stats.jitter * 1000,
        candidateType: stats.candidateType,
      },
      candidateTypes: recorder.candidateTypes,
      errors: recorder.errors,
      userAgent: navigator.userAgent,
      now,
    });

  // The shown copy is stamped with the latest event; the copied one with now.
  const lastEvent = recorder.statusHistory.at(-1)?.at ?? 0;
  const shown = JSON.stringify(report(lastEvent), null, 2);

  const copy = () => {
    const text = JSON.stringify(report(Date.now()), null, 2);
    navigator.clipboard.writeText(text).then(
      () => setCopied("copied"),
      () => setCopied("failed"),
    );
  };

  return (
    <details className="mt-3 text-label">
      <summary className="cursor-pointer text-muted">Diagnostics</summary>
      <p className="my-[1em] flex flex-wrap items-center gap-3">
        <button type="button" className={button} onClick={copy}>
          Copy diagnostics
        </button>
        <span aria-live="polite">
          {copied === "copied"
            ? "Copied. Paste it into your support ticket."
            : copied === "failed"
              ? "The browser blocked the clipboard: select the text below and copy it."
              : ""}
        </span>
      </p>
      <pre
        className="my-[1em] max-h-64 overflow-auto rounded-panel border border-line p-2 text-fine [word-break:break-word] whitespace-pre-wrap"
        data-testid="diagnostics-json"
        tabIndex={0}
      >
        {shown}
      </pre>
    </details>
  );
}
