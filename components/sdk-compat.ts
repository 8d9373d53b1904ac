"use client";

/**
 * THE SEAM FOR THE SDK VERSION. This app is pinned to @reactor-team/js-sdk
 * 2.9.0; everything that exists only because of that version is here, and
 * the rest of the app calls these functions, never the 2.9.0-only SDK APIs.
 * Upgrading means rewriting this file (and the number in
 * lib/token-lifetime.ts, which server code and the first-load bundle read,
 * so it cannot sit in a module that imports the SDK).
 *
 * 2.9.0 facts, and what each becomes after it:
 *
 * 1. Token hand-off (`useConnectWithToken`). 2.9.0 takes the token once, in
 *    connect(jwt), copies it into its HTTP clients and reuses it for polling,
 *    signalling, reconnect() and the final DELETE; it never asks again. The
 *    provider's `jwtToken` prop would do the same but tears the live session
 *    down whenever it changes, so it is never used. Hence the token lifetime
 *    rule (lib/token-lifetime.ts): reuse a token only if it outlives a whole
 *    session. ≥ 2.10.1: give ReactorProvider `getJwt={() => tokens.get()
 *    .then((t) => t.jwt)}` (called before every coordinator request), call
 *    connect() with no token, and drop the lifetime floor to "valid for the
 *    next request".
 * 2. The model's schema (`useModelDescriptionFeed`). 2.9.0 never asks for it,
 *    so we send `requestSchema` on the runtime scope ourselves and read the
 *    `modelSchema` reply from runtime messages; legacy runtimes answer
 *    `requestCapabilities` with `modelCapabilities` instead. 2.9.0's
 *    sendCommand bypasses its own "ready" check when NODE_ENV is
 *    "development" (the frame is then lost), so callers only ask when ready.
 *    ≥ 2.12.1: the SDK sends `requestSchema` once on ready and exposes
 *    `reactor.getSchema()` and a `schemaReceived` event: read those instead
 *    of runtime messages. Keep the retries (runtimes drop requests that
 *    arrive before the model loads; the SDK's listener also stores the
 *    replies to ours). Drop `requestCapabilities`: current runtimes ignore it.
 *    The messages are in docs/reactor-contract.md, "Getting the schema".
 * 3. The session's declared tracks (`useSessionCapabilities`). 2.9.0 keeps
 *    them on the Reactor instance (`getCapabilities()`, event
 *    `capabilitiesReceived`), not in the store. ≥ 2.12.1: both are removed;
 *    read tracks from the schema's `x-reactor.tracks`, else from the
 *    session response.
 * 4. Publishing an input track (`useTrackPublishing`). 2.9.0's publish()
 *    only calls replaceTrack() on the transceiver it pre-negotiated for the
 *    session's `sendonly` track; it sends no `publish_track` request, so a
 *    runtime that waits for one ignores the track (docs/reactor-contract.md,
 *    "Input tracks"). ≥ 2.12.0: the same store actions exist, and the SDK
 *    also asks the runtime over its `control` channel; check the names and
 *    whether `autoResumeTracks` needs setting.
 * 5. Console quieting (`quietSdkConsole`). 2.9.0 traces every step with
 *    console.debug under these tags, including the store's props. Check the
 *    new bundle's tags before keeping or removing it.
 * 6. Moderation notices (`useModerationFeed`). 2.9.0 passes runtime
 *    `moderation` messages through as runtime-scope messages only. ≥ 2.11:
 *    the store keeps them as `ModerationEvent`s; read them there.
 * 7. The session's deadline (`useSessionDeadline`). Reactor ends sessions
 *    after 20 minutes (or the token's max_session_duration_seconds), but
 *    2.9.0 never fills the store's `sessionExpiration`, so the deadline is
 *    counted from the `sessionIdChanged` event (lib/policies/session-clock.ts).
 *    After an upgrade, prefer `sessionExpiration` if the new SDK sets it.
 * 8. Ending a session that is still being created (`useEndSession`). 2.9.0's
 *    disconnect() while `POST /sessions` is in flight aborts the request and,
 *    with no session id yet, sends no DELETE; but Reactor may already have
 *    created the session, which then holds a slot until reaped
 *    (docs/reactor-contract.md, "Coordinator sessions"). So an end asked for
 *    before the id arrives waits for it, then disconnects. Check whether the
 *    new SDK deletes a session it learns of after an abort before dropping
 *    this.
 *
 * Verified against the emulator (emulator/), which speaks 2.9.0's protocol;
 * not against the real service.
 */
import { useReactor, useReactorInternalMessage } from "@reactor-team/js-sdk";
import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { SESSION_MAX_MS } from "@/lib/policies/session-clock";

// 1. Token hand-off ----------------------------------------------------------

/** Starts a session with this token (2.9.0: `connect(jwt)`). */
export function useConnectWithToken(): (jwt: string) => Promise<void> {
  return useReactor((s) => s.connect);
}

// 2. The model's schema ------------------------------------------------------

export interface ModelDescriptionHandlers {
  /** The OpenAPI document from a `modelSchema` reply. */
  onSchema: (doc: Record<string, unknown>) => void;
  /** The `{commands, tracks?}` body of a legacy `modelCapabilities` reply. */
  onCapabilities: (caps: Record<string, unknown>) => void;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Subscribes to the runtime's replies and returns `request(first)`, which
 * asks for the schema (and, on the first ask, the legacy capabilities).
 * Wire: `{"scope":"runtime","data":{"type":"requestSchema","data":{}}}`, the
 * same frame 2.12 sends.
 */
export function useModelDescriptionFeed(
  handlers: ModelDescriptionHandlers,
): (first: boolean) => void {
  const sendCommand = useReactor((s) => s.sendCommand);
  useReactorInternalMessage((message: unknown) => {
    if (!isObject(message) || !isObject(message.data)) return;
    if (message.type === "modelSchema") handlers.onSchema(message.data);
    if (message.type === "modelCapabilities") {
      handlers.onCapabilities(message.data);
    }
  });
  return useCallback(
    (first: boolean) => {
      // Send failures are logged by the SDK; the next ask or the timeout
      // takes over, so a rejection needs no handling here.
      void sendCommand("requestSchema", {}, "runtime").catch(() => undefined);
      if (first) {
        void sendCommand("requestCapabilities", {}, "runtime").catch(
          () => undefined,
        );
      }
    },
    [sendCommand],
  );
}

// 3. The session's declared tracks --------------------------------------------

/** The HTTP session's `capabilities` (tracks; commands are empty today). */
export function useSessionCapabilities(): unknown {
  const reactor = useReactor((s) => s.internal.reactor);
  const subscribe = useCallback(
    (onChange: () => void) => {
      reactor.on("capabilitiesReceived", onChange);
      reactor.on("statusChanged", onChange);
      return () => {
        reactor.off("capabilitiesReceived", onChange);
        reactor.off("statusChanged", onChange);
      };
    },
    [reactor],
  );
  return useSyncExternalStore(
    subscribe,
    () => reactor.getCapabilities(),
    () => undefined,
  );
}

// 4. Publishing an input track ------------------------------------------------

export interface TrackPublishing {
  /** Sends `track` on the session's `name` track, replacing what was sent before. */
  publish(track: MediaStreamTrack): Promise<void>;
  /** Stops sending on `name` (the device itself is the caller's to stop). */
  unpublish(): Promise<void>;
}

export function useTrackPublishing(name: string): TrackPublishing {
  const publish = useReactor((s) => s.publish);
  const unpublish = useReactor((s) => s.unpublish);
  const publishTrack = useCallback(
    (track: MediaStreamTrack) => publish(name, track),
    [publish, name],
  );
  const unpublishTrack = useCallback(() => unpublish(name), [unpublish, name]);
  return { publish: publishTrack, unpublish: unpublishTrack };
}

// 5. Console quieting ----------------------------------------------------------

const SDK_TAG =
  /^\[(Reactor|ReactorStore|ReactorProvider|ReactorView|CoordinatorClient|LocalCoordinatorClient|WebRTCTransport|WebcamPublisher)\]/;

let quieted = false;

/**
 * In production, drops the SDK's debug trace so a visitor's console never
 * carries session details. Warnings and errors still print: they are what a
 * developer needs to debug a failure.
 */
export function quietSdkConsole(): void {
  if (quieted || process.env.NODE_ENV !== "production") return;
  quieted = true;
  const debug = console.debug.bind(console);
  console.debug = (...args: unknown[]) => {
    if (typeof args[0] === "string" && SDK_TAG.test(args[0])) return;
    debug(...args);
  };
}

// 6. Moderation notices --------------------------------------------------------

/** A runtime `moderation` message: a prompt or image was flagged. */
export interface ModerationNotice {
  /** "warn" keeps the session; "terminate" ends it. */
  action: string;
  /** The command whose input was flagged, when the runtime names it. */
  command?: string;
  categories: string[];
  message: string;
}

/**
 * Calls `onNotice` for each runtime `moderation` message. 2.9.0 only passes
 * them through as runtime-scope messages; ≥ 2.11 keeps them on the store
 * (`ModerationEvent`): read them there instead.
 */
export function useModerationFeed(
  onNotice: (notice: ModerationNotice) => void,
): void {
  useReactorInternalMessage((message: unknown) => {
    if (!isObject(message) || message.type !== "moderation") return;
    const data = isObject(message.data) ? message.data : {};
    onNotice({
      action: typeof data.action === "string" ? data.action : "warn",
      command: typeof data.command === "string" ? data.command : undefined,
      categories: Array.isArray(data.categories)
        ? data.categories.filter((c): c is string => typeof c === "string")
        : [],
      message:
        typeof data.message === "string"
          ? data.message
          : "The model's content filter flagged an input.",
    });
  });
}

// 7. The session's deadline ----------------------------------------------------

/**
 * When Reactor will end the current session, counted from the moment its id
 * arrived; unchanged across reconnect(), which keeps the session id.
 * Undefined without a session.
 */
export function useSessionDeadline(): number | undefined {
  const reactor = useReactor((s) => s.internal.reactor);
  const [deadline, setDeadline] = useState<number>();
  useEffect(() => {
    const onSessionId = (id: string | undefined) =>
      setDeadline(id ? Date.now() + SESSION_MAX_MS : undefined);
    reactor.on("sessionIdChanged", onSessionId);
    return () => reactor.off("sessionIdChanged", onSessionId);
  }, [reactor]);
  return deadline;
}

// 8. Ending a session that is still being created -----------------------------

/** Ends the session; one still being created is ended once Reactor names it. */
export function useEndSession(): () => void {
  const reactor = useReactor((s) => s.internal.reactor);
  const disconnect = useReactor((s) => s.disconnect);
  return useCallback(() => {
    const end = () => void disconnect(false).catch(() => undefined);
    const status = reactor.getStatus();
    if (reactor.getSessionId()) return end();
    if (status === "disconnected") return; // nothing to end
    if (status !== "connecting") return end();
    const settle = () => {
      if (reactor.getSessionId()) {
        stop();
        // After connect() has moved on from the event: its next request then
        // sees the abort, and the DELETE goes out.
        queueMicrotask(end);
      } else if (reactor.getStatus() === "disconnected") {
        stop(); // the create failed: nothing to end
      }
    };
    const stop = () => {
      reactor.off("sessionIdChanged", settle);
      reactor.off("statusChanged", settle);
    };
    reactor.on("sessionIdChanged", settle);
    reactor.on("statusChanged", settle);
  }, [reactor, disconnect]);
}
