"use client";

import { useReactor } from "@reactor-team/js-sdk";
import {
  createContext,
  createElement,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";
import {
  useModelDescriptionFeed,
  useSessionCapabilities,
} from "@/components/sdk-compat";
import { parseCapabilities, parseModelSchema } from "@/lib/model-schema/parse";
import type { ModelInterface } from "@/lib/model-schema/types";

/** Runtimes drop a schema request that arrives before the model has loaded. */
export const SCHEMA_RETRY_MS = 2_000;
export const SCHEMA_MAX_REQUESTS = 6;
/** With no schema by then, stop waiting (the page says so instead of spinning). */
export const SCHEMA_WAIT_MS = 12_000;

export interface ModelInterfaceState {
  /** undefined until the session is ready, and again once it ends. */
  model: ModelInterface | undefined;
  /** Still asking: no schema yet and less than SCHEMA_WAIT_MS gone. */
  pending: boolean;
}

const NOTHING: ModelInterface = {
  source: "none",
  events: [],
  messages: [],
  tracks: [],
  problems: [],
};

/**
 * What the model offers, best source first: its schema; else a legacy
 * `modelCapabilities` reply with commands; else the HTTP session's
 * capabilities (with commands, or tracks only: what today's runtimes send).
 */
function useAcquire(enabled: boolean): ModelInterfaceState {
  const ready = useReactor((s) => s.status === "ready");
  const active = enabled && ready;
  const [schema, setSchema] = useState<ModelInterface>();
  const [legacy, setLegacy] = useState<ModelInterface>();
  const [timedOut, setTimedOut] = useState(false);
  // Replies can land between renders; these gate them to the live session.
  const live = useRef(false);
  const gotSchema = useRef(false);

  const request = useModelDescriptionFeed({
    onSchema: (doc) => {
      if (!live.current) return;
      gotSchema.current = true;
      setSchema(parseModelSchema(doc));
    },
    onCapabilities: (caps) => {
      if (!live.current) return;
      const parsed = parseCapabilities(caps, "capabilities");
      // Production answers with an empty list: the same as no answer.
      if (parsed.events.length > 0) setLegacy(parsed);
    },
  });
  const session = useSessionCapabilities();

  useEffect(() => {
    if (!active) return;
    live.current = true;
    gotSchema.current = false;
    let sent = 0;
    const ask = () => {
      if (gotSchema.current || sent >= SCHEMA_MAX_REQUESTS) {
        clearInterval(retry);
        return;
      }
      request(sent === 0);
      sent += 1;
    };
    const retry = setInterval(ask, SCHEMA_RETRY_MS);
    const wait = setTimeout(() => setTimedOut(true), SCHEMA_WAIT_MS);
    ask();
    return () => {
      live.current = false;
      clearInterval(retry);
      clearTimeout(wait);
      setSchema(undefined);
      setLegacy(undefined);
      setTimedOut(false);
    };
  }, [active, request]);

  const model = useMemo((): ModelInterface | undefined => {
    if (!active) return undefined;
    const fromSession =
      session === undefined ? undefined : parseCapabilities(session, "session");
    const best = schema ?? legacy;
    if (!best) return fromSession ?? NOTHING;
    // The session's tracks are what the SDK negotiated; use them when the
    // document declares none.
    return best.tracks.length > 0 || !fromSession
      ? best
      : { ...best, tracks: fromSession.tracks };
  }, [active, schema, legacy, session]);

  const pending = active && !schema && !timedOut;
  return useMemo(() => ({ model, pending }), [model, pending]);
}

const ModelInterfaceContext = createContext<ModelInterfaceState | undefined>(
  undefined,
);

/** Asks once per session for everything below it (reactor-session.tsx). */
export function ModelInterfaceProvider({ children }: { children: ReactNode }) {
  const state = useAcquire(true);
  return createElement(
    ModelInterfaceContext.Provider,
    { value: state },
    children,
  );
}

/** Provides `value` below it (model-panels.tsx passes a deferred one). */
export function ModelInterfaceScope({
  value,
  children,
}: {
  value: ModelInterfaceState;
  children: ReactNode;
}) {
  return createElement(ModelInterfaceContext.Provider, { value }, children);
}

/**
 * The model's commands, messages and tracks for the live session. Under
 * ModelInterfaceProvider every caller shares one acquisition; outside one,
 * the caller asks for itself.
 */
export function useModelInterface(): ModelInterfaceState {
  const shared = useContext(ModelInterfaceContext);
  const own = useAcquire(shared === undefined);
  return shared ?? own;
}
