import type { SessionControls } from "@/components/use-session-controls";
import { button, primaryButton } from "@/components/class-names";
import { warmMediaStyles } from "@/lib/warm-media-styles";

interface Props {
  controls: SessionControls;
  /** Another tab holds the session: Connect takes it over (use-tab-lock.ts). */
  otherTabLive?: boolean;
}

export function ConnectionButtons({ controls, otherTabLive = false }: Props) {
  const { phase, error, connect, disconnect, resume } = controls;

  switch (phase) {
    case "disconnected":
      return (
        <button
          type="button"
          className={primaryButton}
          onClick={connect}
          // Intent: the video view mounts on the click, and this makes it cheap.
          onPointerEnter={warmMediaStyles}
          onFocus={warmMediaStyles}
        >
          {otherTabLive ? "Take over here" : error ? "Try again" : "Connect"}
        </button>
      );
    case "preparing":
      return <ConnectingButton />;
    case "connecting":
    case "waiting":
      // Cancel sits beside a disabled Connect, never in its place: the second
      // half of a double click on Connect must not cancel the session.
      return (
        <>
          <ConnectingButton />
          <button type="button" className={button} onClick={disconnect}>
            Cancel
          </button>
        </>
      );
    case "ready":
      return (
        <button type="button" className={button} onClick={disconnect}>
          Disconnect
        </button>
      );
    case "interrupted":
      return (
        <>
          {error ? (
            <button type="button" className={primaryButton} onClick={connect}>
              Start a new session
            </button>
          ) : (
            <button type="button" className={primaryButton} onClick={resume}>
              Reconnect
            </button>
          )}
          <button type="button" className={button} onClick={disconnect}>
            End session
          </button>
        </>
      );
  }
}

function ConnectingButton() {
  return (
    <button type="button" className={primaryButton} disabled aria-busy>
      Connecting…
    </button>
  );
}
