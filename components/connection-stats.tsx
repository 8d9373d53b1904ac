"use client";

import { useReactor, useStats } from "@reactor-team/js-sdk";

const ms = (value: number | undefined) =>
  value === undefined ? "–" : `${Math.round(value)} ms`;

interface Props {
  /** Click → first presented video frame; see use-session-telemetry.ts. */
  timeToFirstFrameMs: number | undefined;
}

/**
 * Live numbers from the SDK (refreshed every ~2 s): how long connecting took
 * and how the stream is doing. The data attributes let the benchmark read
 * the SDK's own connectionTimings without reaching into its internals.
 * SDK 2.9.0's bitrate is left out on purpose: that version misreports it
 * (fixed in 2.9.3).
 */
export function ConnectionStats({ timeToFirstFrameMs }: Props) {
  const stats = useStats();
  const ready = useReactor((s) => s.status === "ready");
  if (!ready || !stats) return null;
  const timings = stats.connectionTimings;

  return (
    <dl
      className="mt-3 flex flex-wrap gap-x-5 gap-y-1 text-label text-muted"
      data-testid="connection-stats"
      data-total-ms={timings?.totalMs}
      data-session-ms={timings?.sessionCreationMs}
      data-transport-ms={timings?.transportConnectingMs}
      data-ttff-ms={timeToFirstFrameMs}
    >
      <Stat label="Connect" value={ms(timings?.totalMs)} />
      <Stat label="First frame" value={ms(timeToFirstFrameMs)} />
      <Stat label="Round trip" value={ms(stats.rtt)} />
      <Stat
        label="Frame rate"
        value={
          stats.framesPerSecond === undefined
            ? "–"
            : `${Math.round(stats.framesPerSecond)} fps`
        }
      />
      <Stat
        label="Packet loss"
        value={
          stats.packetLossRatio === undefined
            ? "–"
            : `${(stats.packetLossRatio * 100).toFixed(1)} %`
        }
      />
      <Stat
        label="Jitter"
        value={stats.jitter === undefined ? "–" : ms(stats.jitter * 1000)}
      />
      <Stat label="Route" value={stats.candidateType ?? "–"} />
    </dl>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex gap-[0.4rem]">
      <dt>{label}</dt>
      <dd className="text-fg tabular-nums">{value}</dd>
    </div>
  );
}
