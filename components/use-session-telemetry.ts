"use client";

import { useReactor, useStats } from "@reactor-team/js-sdk";
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type RefObject,
} from "react";
import { SessionRecorder } from "@/components/session-recorder";
import type { SessionPhase } from "@/components/use-session-controls";
import type { ErrorDescription } from "@/lib/describe-error";

/**
 * Hooks for adopters: pass these to <ReactorSession> to send the session's
 * life to your own analytics without editing the component (README,
 * "Telemetry"). Each is called once per event, after render, with values
 * that never include the token.
 */
export interface SessionTelemetry {
  onStatusChange?: (event: StatusChangeEvent) => void;
  onError?: (event: SessionErrorEvent) => void;
  onFirstFrame?: (event: FirstFrameEvent) => void;
}

export interface StatusChangeEvent {
  /** The phase the UI shows (the SDK's status plus `preparing` and `interrupted`). */
  status: SessionPhase;
  previous: SessionPhase | undefined;
  sessionId: string | undefined;
  /** Unix epoch ms. */
  at: number;
}

export interface SessionErrorEvent {
  /** The SDK's error code (e.g. `GPU_CONNECTION_ERROR`), or `app` for the app's own (token) errors. */
  code: string;
  message: string;
  sessionId: string | undefined;
  at: number;
}

export interface FirstFrameEvent {
  /** Connect (or Resume) click → the video element's first presented frame. */
  timeToFirstFrameMs: number;
  sessionId: string | undefined;
}

interface Options {
  phase: SessionPhase;
  error: ErrorDescription | undefined;
  stageRef: RefObject<HTMLElement | null>;
  callbacks: SessionTelemetry;
}

/** Records the session for the diagnostics panel and calls the adopter's callbacks. */
export function useSessionTelemetry({
  phase,
  error,
  stageRef,
  callbacks,
}: Options) {
  const [recorder] = useState(() => new SessionRecorder());
  const sessionId = useReactor((s) => s.sessionId);
  const lastError = useReactor((s) => s.lastError);
  const candidateType = useStats()?.candidateType;
  useSyncExternalStore(recorder.subscribe, recorder.getVersion, () => 0);

  // The latest callbacks without re-running effects when a parent passes
  // new inline functions on every render.
  const handlers = useRef(callbacks);
  const session = useRef(sessionId);
  useEffect(() => {
    handlers.current = callbacks;
    session.current = sessionId;
  });

  const previous = useRef<SessionPhase | undefined>(undefined);
  useEffect(() => {
    const at = Date.now();
    recorder.status(phase, at);
    handlers.current.onStatusChange?.({
      status: phase,
      previous: previous.current,
      sessionId: session.current,
      at,
    });
    previous.current = phase;
  }, [phase, recorder]);

  useEffect(() => {
    if (!lastError) return;
    const entry = {
      code: lastError.code,
      message: lastError.message,
      at: lastError.timestamp,
    };
    recorder.error(entry);
    handlers.current.onError?.({ ...entry, sessionId: session.current });
  }, [lastError, recorder]);

  // Token errors never reach the SDK; the SDK's own are recorded above.
  // Keyed by text: the description is a new object on every render.
  const appError =
    error && !lastError ? `${error.title}. ${error.nextStep}` : undefined;
  useEffect(() => {
    if (!appError) return;
    const entry = { code: "app", message: appError, at: Date.now() };
    recorder.error(entry);
    handlers.current.onError?.({ ...entry, sessionId: session.current });
  }, [appError, recorder]);

  useEffect(() => {
    if (candidateType) recorder.candidate(candidateType);
  }, [candidateType, recorder]);

  // Time to first frame: from the click to the first frame the <video>
  // presents (requestVideoFrameCallback), so it includes minting, GPU wait,
  // WebRTC and decoding: what the user waits for. The <video> mounts after
  // the click (video-stage.tsx), so the wait is armed after each commit that
  // changes the phase, not in the click handler.
  const clickedAt = useRef<number>(undefined);
  const pendingFrame = useRef<{ video: HTMLVideoElement; id: number }>(
    undefined,
  );
  const cancelFrameWait = useCallback(() => {
    const pending = pendingFrame.current;
    pending?.video.cancelVideoFrameCallback(pending.id);
    pendingFrame.current = undefined;
  }, []);

  const armFrameWait = useCallback(() => {
    const since = clickedAt.current;
    if (since === undefined || pendingFrame.current) return;
    const video = stageRef.current?.querySelector("video");
    if (!video || !("requestVideoFrameCallback" in video)) return;
    const id = video.requestVideoFrameCallback(() => {
      pendingFrame.current = undefined;
      clickedAt.current = undefined;
      const ms = performance.now() - since;
      recorder.firstFrame(ms);
      handlers.current.onFirstFrame?.({
        timeToFirstFrameMs: ms,
        sessionId: session.current,
      });
    });
    pendingFrame.current = { video, id };
  }, [recorder, stageRef]);

  const markConnect = useCallback(
    (at = performance.now()) => {
      cancelFrameWait();
      recorder.firstFrame(undefined);
      clickedAt.current = at;
      // Resume: the interrupted session's <video> is already there.
      armFrameWait();
    },
    [armFrameWait, cancelFrameWait, recorder],
  );

  // A session that ends before its first frame has no time to first frame.
  useEffect(() => {
    if (phase !== "disconnected") {
      armFrameWait();
      return;
    }
    cancelFrameWait();
    clickedAt.current = undefined;
  }, [phase, armFrameWait, cancelFrameWait]);
  useEffect(() => cancelFrameWait, [cancelFrameWait]);

  return { recorder, markConnect };
}
