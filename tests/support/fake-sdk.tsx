import { useEffect, useRef, type ReactNode } from "react";
import { vi } from "vitest";
import { create } from "zustand";

/**
 * A stand-in for @reactor-team/js-sdk at its module boundary: the same hook
 * and component names, backed by a plain zustand store the test drives.
 * Use with `vi.mock("@reactor-team/js-sdk", () => fakeSdkModule)`.
 */
type Handler = (...args: unknown[]) => void;

export interface FakeReactorState {
  status: "disconnected" | "connecting" | "waiting" | "ready";
  sessionId?: string;
  lastError?: { code: string; message: string; timestamp: number };
  tracks: Record<string, unknown>;
  connect: ReturnType<typeof vi.fn>;
  disconnect: ReturnType<typeof vi.fn>;
  reconnect: ReturnType<typeof vi.fn>;
  sendCommand: ReturnType<typeof vi.fn>;
  uploadFile: ReturnType<typeof vi.fn>;
  internal: { reactor: FakeReactor };
}

export class FakeReactor {
  capabilities: unknown;
  private handlers = new Map<string, Set<Handler>>();

  on(event: string, handler: Handler) {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)!.add(handler);
  }
  off(event: string, handler: Handler) {
    this.handlers.get(event)?.delete(handler);
  }
  emit(event: string, ...args: unknown[]) {
    for (const handler of this.handlers.get(event) ?? []) handler(...args);
  }
  getCapabilities() {
    return this.capabilities;
  }
  // The instance's view of the store, as 2.9.0 keeps them in step.
  getStatus() {
    return fakeStore.getState().status;
  }
  getSessionId() {
    return fakeStore.getState().sessionId;
  }
}

/** The SDK's FileRef: what uploadFile resolves to and sendCommand unwraps. */
export class FakeFileRef {
  constructor(
    readonly uploadId: string,
    readonly name: string,
    readonly mimeType: string,
    readonly size: number,
  ) {}
}

export const fakeStore = create<FakeReactorState>(() => initialState());

function initialState(): FakeReactorState {
  return {
    status: "disconnected",
    sessionId: undefined,
    lastError: undefined,
    tracks: {},
    // Like the SDK: connect() moves to "connecting" before it resolves.
    connect: vi.fn(async () => fakeStore.setState({ status: "connecting" })),
    disconnect: vi.fn(async () => undefined),
    reconnect: vi.fn(async () => undefined),
    sendCommand: vi.fn(async () => undefined),
    uploadFile: vi.fn(
      async (file: File) =>
        new FakeFileRef(`upload-${file.name}`, file.name, file.type, file.size),
    ),
    internal: { reactor: new FakeReactor() },
  };
}

export function resetFakeSdk() {
  fakeStore.setState(initialState(), true);
  latestMessageHandler = undefined;
}

/** Deliver a runtime-scope message (e.g. `modelSchema`) as 2.9.0 would. */
export function emitRuntimeMessage(message: unknown) {
  fakeStore.getState().internal.reactor.emit("runtimeMessage", message);
}

/** The runtime-scope commands the app sent, in order (e.g. requestSchema). */
export function runtimeCommandsSent(): string[] {
  return fakeStore
    .getState()
    .sendCommand.mock.calls.filter((call) => call[2] === "runtime")
    .map((call) => String(call[0]));
}

let latestMessageHandler: ((message: unknown) => void) | undefined;

/** Deliver an application message as the SDK's useReactorMessage would. */
export function emitModelMessage(message: unknown) {
  latestMessageHandler?.(message);
}

export const fakeSdkModule = {
  FileRef: FakeFileRef,
  ReactorProvider: ({ children }: { children: ReactNode }) => children,
  ReactorView: () => <div data-testid="reactor-view" />,
  useReactor: <T,>(selector: (state: FakeReactorState) => T) =>
    fakeStore(selector),
  useStats: () => undefined,
  useReactorMessage: (handler: (message: unknown) => void) => {
    latestMessageHandler = handler;
  },
  // Like 2.9.0: a ref-stable subscription to the instance's runtimeMessage.
  useReactorInternalMessage: (handler: (message: unknown) => void) => {
    const reactor = fakeStore((s) => s.internal.reactor);
    const ref = useRef(handler);
    useEffect(() => {
      ref.current = handler;
    });
    useEffect(() => {
      const stable = (message: unknown) => ref.current(message);
      reactor.on("runtimeMessage", stable);
      return () => reactor.off("runtimeMessage", stable);
    }, [reactor]);
  },
};
