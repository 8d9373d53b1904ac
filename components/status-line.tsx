import { ElapsedSeconds } from "@/components/elapsed-seconds";
import type { SessionPhase } from "@/components/use-session-controls";
import { statusDot, statusLine } from "@/components/class-names";

const LABELS: Record<SessionPhase, string> = {
  disconnected: "Not connected",
  preparing: "Getting a session token…",
  connecting: "Connecting to Reactor…",
  waiting: "Waiting for a GPU…",
  ready: "Live",
  interrupted: "Stream interrupted",
};

/** Grey when idle, amber while waiting, green when live, red when broken. */
const DOT: Record<SessionPhase, string> = {
  disconnected: "bg-muted",
  preparing: "bg-warn",
  connecting: "bg-warn",
  waiting: "bg-warn",
  ready: "bg-ok",
  interrupted: "bg-danger",
};

/** `label` replaces the phase's own words (the skeleton's "Loading the player…"). */
export function StatusLine({
  phase,
  label = LABELS[phase],
}: {
  phase: SessionPhase;
  label?: string;
}) {
  return (
    <p className={statusLine} data-phase={phase}>
      <span className={`${statusDot} ${DOT[phase]}`} aria-hidden="true" />
      {/* Only the phase is announced; a ticking counter would be noise. */}
      <span role="status" aria-live="polite">
        {label}
      </span>
      {phase === "waiting" && <ElapsedSeconds />}
    </p>
  );
}
