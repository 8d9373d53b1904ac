import { act, render, renderHook, screen } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  emitRuntimeMessage,
  fakeStore,
  resetFakeSdk,
  runtimeCommandsSent,
} from "@test/support/fake-sdk";
import { ModelInterfaceStatus } from "@/components/model-interface-status";
import {
  ModelInterfaceProvider,
  SCHEMA_WAIT_MS,
  useModelInterface,
} from "@/components/use-model-interface";
import helios from "@test/fixtures/model-schema/helios.json";
import legacy from "@test/fixtures/model-schema/legacy-capabilities.json";
import session from "@test/fixtures/model-schema/session-capabilities.json";

vi.mock("@reactor-team/js-sdk", async () => {
  const { fakeSdkModule } = await import("@test/support/fake-sdk");
  return fakeSdkModule;
});

const reactor = () => fakeStore.getState().internal.reactor;
const setStatus = (status: "disconnected" | "waiting" | "ready") =>
  act(() => fakeStore.setState({ status }));
const advance = (ms: number) => act(() => vi.advanceTimersByTime(ms));
const sendSchema = (doc: unknown = helios) =>
  act(() => emitRuntimeMessage({ type: "modelSchema", data: doc }));
const sendLegacy = (caps: unknown) =>
  act(() => emitRuntimeMessage({ type: "modelCapabilities", data: caps }));

/** The HTTP session body's capabilities, as 2.9.0 announces them. */
function sessionCapabilities(caps: unknown) {
  act(() => {
    reactor().capabilities = caps;
    reactor().emit("capabilitiesReceived", caps);
  });
}

beforeEach(() => {
  resetFakeSdk();
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe("asking for the schema", () => {
  it("asks nothing and has no model until the session is ready", () => {
    const { result } = renderHook(() => useModelInterface());
    setStatus("waiting");
    advance(10_000);
    expect(runtimeCommandsSent()).toEqual([]);
    expect(result.current).toEqual({ model: undefined, pending: false });
  });

  it("sends requestSchema at ready and every 2 s, 6 times at most, and requestCapabilities once", () => {
    renderHook(() => useModelInterface());
    setStatus("ready");
    expect(runtimeCommandsSent()).toEqual([
      "requestSchema",
      "requestCapabilities",
    ]);
    expect(fakeStore.getState().sendCommand).toHaveBeenCalledWith(
      "requestSchema",
      {},
      "runtime",
    );
    advance(1_999);
    expect(runtimeCommandsSent()).toHaveLength(2);
    advance(1);
    expect(runtimeCommandsSent()).toHaveLength(3);
    advance(60_000);
    const sent = runtimeCommandsSent();
    expect(sent.filter((t) => t === "requestSchema")).toHaveLength(6);
    expect(sent.filter((t) => t === "requestCapabilities")).toHaveLength(1);
  });

  it("stops asking once the schema arrives and reads it", () => {
    const { result } = renderHook(() => useModelInterface());
    setStatus("ready");
    advance(2_000);
    expect(result.current.pending).toBe(true);
    sendSchema();
    advance(20_000);
    expect(runtimeCommandsSent().filter((t) => t === "requestSchema")).toEqual([
      "requestSchema",
      "requestSchema",
    ]);
    expect(result.current.pending).toBe(false);
    expect(result.current.model?.source).toBe("schema");
    expect(result.current.model?.title).toBe("helios");
    expect(result.current.model?.events.map((e) => e.name)).toContain(
      "set_prompt",
    );
  });

  it("ignores replies whose data is not a document", () => {
    const { result } = renderHook(() => useModelInterface());
    setStatus("ready");
    act(() => emitRuntimeMessage({ type: "modelSchema", data: "oops" }));
    act(() => emitRuntimeMessage({ type: "modelSchema" }));
    act(() => emitRuntimeMessage("modelSchema"));
    expect(result.current.pending).toBe(true);
    expect(result.current.model?.source).toBe("none");
  });
});

describe("fallbacks", () => {
  it("uses a legacy modelCapabilities reply with commands until a schema comes", () => {
    const { result } = renderHook(() => useModelInterface());
    setStatus("ready");
    sendLegacy(legacy);
    expect(result.current.model?.source).toBe("capabilities");
    expect(result.current.model?.events.map((e) => e.name)).toContain(
      "set_image",
    );
    // Still hoping for the schema, which wins when it arrives.
    expect(result.current.pending).toBe(true);
    sendSchema();
    expect(result.current.model?.source).toBe("schema");
  });

  it("treats an empty legacy reply like no reply (what production sends)", () => {
    const { result } = renderHook(() => useModelInterface());
    setStatus("ready");
    sessionCapabilities(session);
    sendLegacy({ commands: [] });
    expect(result.current.model?.source).toBe("session");
  });

  it("falls back to HTTP session commands when they are not empty", () => {
    const { result } = renderHook(() => useModelInterface());
    sessionCapabilities({
      tracks: [{ name: "main_video", kind: "video", direction: "recvonly" }],
      commands: [{ name: "set_scene", description: "Switch the scene" }],
    });
    setStatus("ready");
    expect(result.current.model?.source).toBe("session");
    expect(result.current.model?.events.map((e) => e.name)).toEqual([
      "set_scene",
    ]);
  });

  it("prefers a legacy reply over HTTP session commands", () => {
    const { result } = renderHook(() => useModelInterface());
    sessionCapabilities({ commands: [{ name: "from_session" }] });
    setStatus("ready");
    sendLegacy({ commands: [{ name: "from_reply" }] });
    expect(result.current.model?.events.map((e) => e.name)).toEqual([
      "from_reply",
    ]);
  });

  it("with nothing but tracks, stops waiting after 12 s and says no controls", () => {
    render(<ModelInterfaceStatus />);
    sessionCapabilities(session);
    setStatus("ready");
    const status = screen.getByTestId("model-interface-source");
    expect(status).toHaveAttribute("data-source", "session");
    expect(status).toHaveAttribute("data-pending", "true");
    expect(status).not.toHaveTextContent("publishes no controls");
    advance(SCHEMA_WAIT_MS - 1);
    expect(status).toHaveAttribute("data-pending", "true");
    advance(1);
    expect(status).toHaveAttribute("data-pending", "false");
    expect(status).toHaveTextContent("This model publishes no controls");
  });

  it("reports source none when the session declares nothing at all", () => {
    const { result } = renderHook(() => useModelInterface());
    setStatus("ready");
    advance(SCHEMA_WAIT_MS);
    expect(result.current).toEqual({
      model: {
        source: "none",
        events: [],
        messages: [],
        tracks: [],
        problems: [],
      },
      pending: false,
    });
  });

  it("still takes a schema that arrives after the wait", () => {
    const { result } = renderHook(() => useModelInterface());
    setStatus("ready");
    advance(SCHEMA_WAIT_MS + 1_000);
    sendSchema();
    expect(result.current.model?.source).toBe("schema");
  });

  it("takes tracks from the session when the schema declares none", () => {
    const { result } = renderHook(() => useModelInterface());
    sessionCapabilities(session);
    setStatus("ready");
    sendSchema({ openapi: "3.1.0", info: { title: "t", version: "1" } });
    expect(result.current.model?.source).toBe("schema");
    expect(result.current.model?.tracks.map((t) => t.name)).toEqual([
      "main_video",
      "webcam",
    ]);
    expect(result.current.pending).toBe(false);
  });
});

describe("clearing", () => {
  it("forgets the model when the session ends and asks afresh next time", () => {
    const { result } = renderHook(() => useModelInterface());
    setStatus("ready");
    sendSchema();
    setStatus("disconnected");
    expect(result.current).toEqual({ model: undefined, pending: false });
    // A late reply from the old session changes nothing.
    sendSchema();
    expect(result.current.model).toBeUndefined();

    fakeStore.getState().sendCommand.mockClear();
    setStatus("ready");
    expect(result.current.model?.source).toBe("none");
    expect(result.current.pending).toBe(true);
    expect(runtimeCommandsSent()).toEqual([
      "requestSchema",
      "requestCapabilities",
    ]);
  });

  it("stops asking when the session ends mid-way", () => {
    renderHook(() => useModelInterface());
    setStatus("ready");
    advance(2_000);
    setStatus("disconnected");
    advance(20_000);
    expect(runtimeCommandsSent().filter((t) => t === "requestSchema")).toEqual([
      "requestSchema",
      "requestSchema",
    ]);
  });
});

describe("ModelInterfaceProvider", () => {
  it("asks once for every component below it", () => {
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ModelInterfaceProvider>{children}</ModelInterfaceProvider>
    );
    const { result } = renderHook(
      () => [useModelInterface(), useModelInterface()] as const,
      { wrapper },
    );
    setStatus("ready");
    expect(runtimeCommandsSent()).toEqual([
      "requestSchema",
      "requestCapabilities",
    ]);
    sendSchema();
    expect(result.current[0]).toBe(result.current[1]);
    expect(result.current[0].model?.source).toBe("schema");
  });
});
