import {
  buttonRow,
  panel,
  primaryButton,
  session,
  stage,
  stagePlaceholder,
} from "@/components/class-names";
import { ErrorNotice } from "@/components/error-notice";
import { StatusLine } from "@/components/status-line";
import type { ErrorDescription } from "@/lib/describe-error";

/**
 * What paints before the SDK chunk arrives: the same layout as the session,
 * with a Connect that already works. Pointing at, focusing or pressing it
 * starts loading the chunk; a click asks to connect as soon as the chunk is
 * in (onConnect).
 */
export function SessionSkeleton({
  onIntent,
  onPressStart,
  onFocusChange,
  onConnect,
  connecting,
  error,
}: {
  onIntent: () => void;
  onPressStart: () => void;
  onFocusChange: (focused: boolean) => void;
  onConnect: () => void;
  connecting: boolean;
  error?: ErrorDescription;
}) {
  return (
    <div className={session}>
      <figure className={stage}>
        {/* Never shown. A page's first <video> makes the browser restyle the
            whole document for its media styles (20 ms on the benchmark
            machine); in the server HTML that rides on the first style pass,
            so the SDK's view mounting at Connect costs 4 ms instead. */}
        <video hidden />
        <div className={stagePlaceholder}>
          {connecting ? "Connecting…" : "Press Connect to start a session"}
        </div>
      </figure>
      <section className={panel} aria-label="Connection">
        {connecting ? (
          <StatusLine phase="preparing" label="Loading the player…" />
        ) : (
          <StatusLine phase="disconnected" />
        )}
        {error && <ErrorNotice error={error} />}
        <div className={buttonRow}>
          {connecting ? (
            <button type="button" className={primaryButton} disabled aria-busy>
              Connecting…
            </button>
          ) : (
            <button
              type="button"
              className={primaryButton}
              onPointerEnter={onIntent}
              onPointerDown={onPressStart}
              onFocus={() => {
                onFocusChange(true);
                onIntent();
              }}
              onBlur={() => onFocusChange(false)}
              onClick={onConnect}
            >
              Connect
            </button>
          )}
        </div>
      </section>
    </div>
  );
}
