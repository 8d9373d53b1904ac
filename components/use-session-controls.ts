"use client";

import { useReactor } from "@reactor-team/js-sdk";
import { useCallback, useEffect, useRef, useState } from "react";
import { useConnectWithToken, useEndSession } from "@/components/sdk-compat";
import {
  describeSdkError,
  describeTokenError,
  isAuthFailure,
  type ErrorDescription,
} from "@/lib/describe-error";
import { TokenFetchError } from "@/lib/fetch-token";
import type { TokenCache } from "@/lib/token-cache";

/**
 * What the UI shows. The SDK's four statuses, plus two it cannot express:
 * `preparing` (minting a token before connect) and `interrupted` (the stream
 * dropped but Reactor still holds the session, so it can be resumed).
 */
export type SessionPhase =
  | "disconnected"
  | "preparing"
  | "connecting"
  | "waiting"
  | "ready"
  | "interrupted";

export interface SessionControls {
  phase: SessionPhase;
  error: ErrorDescription | undefined;
  connect: () => void;
  disconnect: () => void;
  resume: () => void;
}

/**
 * Connect is always a user click: a session holds a cloud GPU, and the click
 * also unlocks media playback. The token is passed to connect() rather than
 * as the provider's `jwtToken` prop, because SDK 2.9.0 tears down the live
 * session whenever that prop changes.
 */
export function useSessionControls(
  tokens: TokenCache,
  apiUrl: string,
): SessionControls {
  const status = useReactor((s) => s.status);
  const sessionId = useReactor((s) => s.sessionId);
  const lastError = useReactor((s) => s.lastError);
  const sdkConnect = useConnectWithToken();
  const sdkDisconnect = useReactor((s) => s.disconnect);
  const endSession = useEndSession();
  const sdkReconnect = useReactor((s) => s.reconnect);

  const [preparing, setPreparing] = useState(false);
  const [tokenError, setTokenError] = useState<TokenFetchError>();
  // The SDK keeps lastError for the store's whole life; only errors raised
  // after the user's latest action belong on screen.
  const [actionAt, setActionAt] = useState(0);
  // A ref, not state: two clicks in one frame both see the same render.
  const busy = useRef(false);
  // Ended while the token was on its way: the connect must not go ahead.
  const cancelled = useRef(false);

  // Joins the mint stream-app.tsx started before this chunk loaded (the
  // cache shares one request), so a failing key shows before any click.
  useEffect(() => {
    let live = true;
    tokens.get().catch((error: unknown) => {
      if (live && error instanceof TokenFetchError) setTokenError(error);
    });
    return () => {
      live = false;
    };
  }, [tokens]);

  const connect = useCallback(() => {
    if (busy.current || status !== "disconnected") return;
    busy.current = true;
    cancelled.current = false;
    setPreparing(true);
    setTokenError(undefined);
    setActionAt(Date.now());

    void (async () => {
      try {
        // A dropped session still holds a GPU: end it before starting anew.
        if (sessionId) await sdkDisconnect(false);
        // A token in hand goes to the SDK within the click, before React
        // renders the click's state updates, so the session request is on
        // the wire during that render rather than after it (20 ms of the
        // first frame on the benchmark machine).
        const { jwt } = tokens.peek() ?? (await tokens.get());
        setPreparing(false);
        if (cancelled.current) return;
        try {
          await sdkConnect(jwt);
        } catch (error) {
          if (!isAuthFailure(error)) return;
          // Expired, revoked or out of session budget: mint once more.
          tokens.invalidate();
          setPreparing(true);
          const fresh = await tokens.get();
          setPreparing(false);
          if (cancelled.current) return;
          setActionAt(Date.now());
          await sdkConnect(fresh.jwt).catch(() => undefined);
        }
      } catch (error) {
        if (error instanceof TokenFetchError) setTokenError(error);
      } finally {
        setPreparing(false);
        busy.current = false;
      }
    })();
  }, [status, sessionId, tokens, sdkConnect, sdkDisconnect]);

  const disconnect = useCallback(() => {
    setActionAt(Date.now());
    if (busy.current) {
      // Still minting, or about to connect: stop before the SDK starts.
      cancelled.current = true;
      setPreparing(false);
    }
    endSession();
  }, [endSession]);

  const resume = useCallback(() => {
    if (busy.current) return;
    setActionAt(Date.now());
    void sdkReconnect().catch(() => undefined);
  }, [sdkReconnect]);

  const phase: SessionPhase = preparing
    ? "preparing"
    : status === "disconnected" && sessionId
      ? "interrupted"
      : status;

  const sdkError =
    lastError && lastError.timestamp >= actionAt ? lastError : undefined;
  const error = tokenError
    ? describeTokenError(tokenError)
    : sdkError
      ? describeSdkError(sdkError, apiUrl)
      : undefined;

  return { phase, error, connect, disconnect, resume };
}
