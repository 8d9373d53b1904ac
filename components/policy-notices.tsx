import type { EndReason } from "@/components/use-session-policies";
import { formatDuration } from "@/lib/format-time";
import { SESSION_MAX_MS } from "@/lib/policies/session-clock";
import type { PublicConfig } from "@/lib/public-config";
import { warningNotice } from "@/components/class-names";

interface Props {
  endReason: EndReason | undefined;
  otherTabLive: boolean;
  online: boolean;
  config: Pick<
    PublicConfig,
    "idleDisconnectSeconds" | "hiddenDisconnectSeconds"
  >;
}

function reasonText(reason: EndReason, config: Props["config"]): string {
  switch (reason) {
    case "idle":
      return `Session ended after ${formatDuration(config.idleDisconnectSeconds)} without input, so it stopped using GPU time. Press Connect to start a new one.`;
    case "hidden":
      return `Session ended because this tab was in the background for ${formatDuration(config.hiddenDisconnectSeconds)}. Press Connect to start a new one.`;
    case "moved":
      return "The session moved to another tab: one tab of this app streams at a time.";
    case "offline":
      return "The session ended while the network was down. Press Connect to start a new one.";
    case "limit":
      return `Reactor ends every session after ${SESSION_MAX_MS / 60_000} minutes. Press Connect to start a new one.`;
  }
}

/** Why the session ended on its own, and what holds it back; never a silent stop. */
export function PolicyNotices({
  endReason,
  otherTabLive,
  online,
  config,
}: Props) {
  return (
    <div aria-live="polite">
      {!online && (
        <p className={warningNotice} data-notice="offline">
          You are offline. The session is left as it is; if the stream drops, it
          resumes when the network is back.
        </p>
      )}
      {endReason && (
        <p className={warningNotice} data-notice="ended">
          {reasonText(endReason, config)}
        </p>
      )}
      {otherTabLive && (
        <p className={warningNotice} data-notice="other-tab">
          Another tab of this app is streaming. One tab streams at a time, so
          your account is not billed twice: take over to move the session here.
        </p>
      )}
    </div>
  );
}
