"use client";

import { useReactor, useStats } from "@reactor-team/js-sdk";

const ms = (value: number | undefined) =>
  value === undefined ? "–" : `${Math.round(value)} ms`;

/**
 * Live numbers from the SDK (refreshed every ~2 s): how long connecting took
 * and how the stream is doing. The data attributes let the benchmark read
 * the SDK's own connectionTimings without reaching into its internals.
 */
export function ConnectionStats() {
  const stats = useStats();
  const ready = useReactor((s) => s.status === "ready");
  if (!ready || !stats) return null;
  const timings = stats.connectionTimings;

  return (
    <dl
      className="stats"
      data-total-ms={timings?.totalMs}
      data-session-ms={timings?.sessionCreationMs}
      data-transport-ms={timings?.transportConnectingMs}
    >
      <div>
        <dt>Connect</dt>
        <dd>{ms(timings?.totalMs)}</dd>
      </div>
      <div>
        <dt>Round trip</dt>
        <dd>{ms(stats.rtt)}</dd>
      </div>
      <div>
        <dt>Frame rate</dt>
        <dd>
          {stats.framesPerSecond === undefined
            ? "–"
            : `${Math.round(stats.framesPerSecond)} fps`}
        </dd>
      </div>
    </dl>
  );
}
