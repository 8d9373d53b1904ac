import { ElapsedSeconds } from "@/components/elapsed-seconds";
import type { SessionPhase } from "@/components/use-session-controls";

const LABELS: Record<SessionPhase, string> = {
  disconnected: "Not connected",
  preparing: "Getting a session token…",
  connecting: "Connecting to Reactor…",
  waiting: "Waiting for a GPU…",
  ready: "Live",
  interrupted: "Stream interrupted",
};

export function StatusLine({ phase }: { phase: SessionPhase }) {
  return (
    <p className="status-line" data-phase={phase}>
      <span className="status-dot" aria-hidden="true" />
      {/* Only the phase is announced; a ticking counter would be noise. */}
      <span role="status" aria-live="polite">
        {LABELS[phase]}
      </span>
      {phase === "waiting" && <ElapsedSeconds />}
    </p>
  );
}
