"use client";

// The client boundary. It renders instantly with a skeleton whose Connect
// already works, and in idle time mints a token and loads the SDK chunk
// (load-reactor-session.ts); intent on Connect loads the chunk at once.
import {
  startTransition,
  useCallback,
  useEffect,
  useRef,
  useState,
  type ComponentType,
} from "react";
import {
  loadReactorSession,
  inIdleSteps,
} from "@/components/load-reactor-session";
import type { ReactorSessionProps } from "@/components/reactor-session";
import { SessionSkeleton } from "@/components/session-skeleton";
import type { ErrorDescription } from "@/lib/describe-error";
import { fetchToken } from "@/lib/fetch-token";
import type { PublicConfig } from "@/lib/public-config";
import { TokenCache } from "@/lib/token-cache";

const LOAD_FAILED: ErrorDescription = {
  title: "The player could not be loaded.",
  nextStep:
    "Check your connection and press Connect to try again; if it keeps failing, reload the page.",
};

export function StreamApp({ config }: { config: PublicConfig }) {
  const [tokens] = useState(() => new TokenCache(() => fetchToken()));

  // Wrapped in an object: useState would call a bare component as an updater.
  const [session, setSession] = useState<{
    Component: ComponentType<ReactorSessionProps>;
  }>();
  // When Connect was pressed before the chunk arrived (performance.now()):
  // the session connects on mount and times its first frame from then.
  const [connectRequestedAt, setConnectRequestedAt] = useState<number>();
  const [loadError, setLoadError] = useState<ErrorDescription>();
  // A press on the skeleton's Connect is under way. The swap waits for it to
  // end: replacing the button between pointerdown and click would send the
  // click to the button's parent, and the press would be lost.
  const [pressing, setPressing] = useState(false);
  // The skeleton's Connect had focus: the session's gets it after the swap.
  const hadFocus = useRef(false);

  // A transition: React renders the session in slices and yields to input
  // in between, instead of one long task.
  const load = useCallback(() => {
    return loadReactorSession().then((module) =>
      startTransition(() => setSession({ Component: module.ReactorSession })),
    );
  }, []);

  // A failed idle or intent load stays silent (nobody asked for anything
  // yet); the next intent retries, and a click reports it.
  const preload = useCallback(() => void load().catch(() => undefined), [load]);
  // Idle time, step by step (inIdleSteps): zod first, in two steps (its core,
  // lib/zod-browser.ts, then the rest), which the token's parse and the SDK
  // both need; then the token mint, so Connect does not wait for it; then the
  // SDK; then our session chunk and the swap.
  useEffect(
    () =>
      inIdleSteps([
        () => import("@/lib/zod-browser"),
        () => import("@/lib/token-schema"),
        () => tokens.prefetch(),
        () => import("@reactor-team/js-sdk"),
        preload,
      ]),
    [preload, tokens],
  );

  const connect = useCallback(() => {
    setLoadError(undefined);
    setConnectRequestedAt(performance.now());
    load().catch(() => {
      setConnectRequestedAt(undefined);
      setLoadError(LOAD_FAILED);
    });
  }, [load]);

  const pressStart = useCallback(() => {
    setPressing(true);
    // Listening from pointerdown itself, not from an effect, which could run
    // after a quick tap's pointerup. The click follows pointerup in the same
    // task: the hold ends after it.
    const release = () => {
      window.removeEventListener("pointerup", release);
      window.removeEventListener("pointercancel", release);
      setTimeout(() => setPressing(false), 0);
    };
    window.addEventListener("pointerup", release);
    window.addEventListener("pointercancel", release);
    preload();
  }, [preload]);

  const swapped = session !== undefined && !pressing;
  useEffect(() => {
    if (!swapped || !hadFocus.current) return;
    document
      .querySelector<HTMLButtonElement>(
        'section[aria-label="Connection"] button',
      )
      ?.focus();
  }, [swapped]);

  if (swapped) {
    return (
      <session.Component
        config={config}
        tokens={tokens}
        connectRequestedAt={connectRequestedAt}
      />
    );
  }
  return (
    <SessionSkeleton
      onIntent={preload}
      onPressStart={pressStart}
      onFocusChange={(focused) => (hadFocus.current = focused)}
      onConnect={connect}
      connecting={connectRequestedAt !== undefined}
      error={loadError}
    />
  );
}
