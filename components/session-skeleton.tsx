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
import { warmMediaStyles } from "@/lib/warm-media-styles";

/**
 * What paints before the SDK chunk arrives: the same layout as the session,
 * with a Connect that already works. Pointing at, focusing or pressing it
 * starts loading the chunk (and pointing or focusing warms the media styles,
 * lib/warm-media-styles.ts); a click asks to connect as soon as the chunk is
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
  const intent = () => {
    warmMediaStyles();
    onIntent();
  };
  return (
    <div className={session}>
      <figure className={stage}>
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
              onPointerEnter={intent}
              onPointerDown={onPressStart}
              onFocus={() => {
                onFocusChange(true);
                intent();
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
