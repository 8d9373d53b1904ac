import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  emitModelMessage,
  emitRuntimeMessage,
  fakeStore,
  resetFakeSdk,
  runtimeCommandsSent,
} from "@test/support/fake-sdk";
import { TokenFetchError } from "@/lib/fetch-token";
import { renderSession, tokenSource } from "@test/support/render-session";

vi.mock("@reactor-team/js-sdk", async () => {
  const { fakeSdkModule } = await import("@test/support/fake-sdk");
  return fakeSdkModule;
});

const HOUR = 3_600_000;

const setState = (state: Partial<ReturnType<typeof fakeStore.getState>>) =>
  act(() => fakeStore.setState(state));

beforeEach(() => resetFakeSdk());

describe("connection UI", () => {
  it("starts disconnected with a Connect button and mints a token on mount", async () => {
    const { fetcher } = renderSession();
    expect(screen.getByRole("status")).toHaveTextContent("Not connected");
    expect(screen.getByRole("button", { name: "Connect" })).toBeEnabled();
    await waitFor(() => expect(fetcher).toHaveBeenCalledTimes(1));
  });

  it("mounts the SDK's video view only while a session is under way", async () => {
    renderSession();
    expect(screen.getByTestId("stage")).toBeInTheDocument();
    expect(screen.queryByTestId("reactor-view")).toBeNull();
    await setState({ status: "connecting" });
    expect(screen.getByTestId("reactor-view")).toBeInTheDocument();
    await setState({ status: "disconnected", sessionId: "s1" });
    expect(screen.getByTestId("reactor-view")).toBeInTheDocument();
    await setState({ status: "disconnected", sessionId: undefined });
    expect(screen.queryByTestId("reactor-view")).toBeNull();
  });

  it("connects with the prefetched token on click, without minting again", async () => {
    const { fetcher } = renderSession();
    await userEvent.click(screen.getByRole("button", { name: "Connect" }));
    await waitFor(() =>
      expect(fakeStore.getState().connect).toHaveBeenCalledWith("jwt-1"),
    );
    expect(fetcher).toHaveBeenCalledTimes(1);
  });

  it("with a token in hand, starts connecting before React renders the click", async () => {
    const { fetcher } = renderSession();
    await waitFor(() => expect(fetcher).toHaveBeenCalledTimes(1));
    await act(() => Promise.resolve());
    // What the page showed when the SDK was asked to connect.
    let shownAtConnect: string | null = null;
    fakeStore.getState().connect.mockImplementation(async () => {
      shownAtConnect = screen.getByRole("button", {
        name: /Connect|Cancel/,
      }).textContent;
    });
    fireEvent.click(screen.getByRole("button", { name: "Connect" }));
    expect(fakeStore.getState().connect).toHaveBeenCalledWith("jwt-1");
    expect(shownAtConnect).toBe("Connect");
  });

  it("announces connecting and offers Cancel, which ends the session once Reactor has named it", async () => {
    renderSession();
    await setState({ status: "connecting" });
    expect(screen.getByRole("status")).toHaveTextContent(
      "Connecting to Reactor",
    );
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    // 2.9.0 would abort POST /sessions and never DELETE what it created.
    const { disconnect, internal } = fakeStore.getState();
    expect(disconnect).not.toHaveBeenCalled();

    await setState({ sessionId: "session-1" });
    internal.reactor.emit("sessionIdChanged", "session-1");
    await waitFor(() => expect(disconnect).toHaveBeenCalledWith(false));
    expect(disconnect).toHaveBeenCalledTimes(1);
  });

  it("Cancel ends a session that already has an id at once", async () => {
    renderSession();
    await setState({ status: "waiting", sessionId: "session-1" });
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(fakeStore.getState().disconnect).toHaveBeenCalledWith(false);
  });

  it("after Cancel, a create that fails leaves nothing to end", async () => {
    renderSession();
    await setState({ status: "connecting" });
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    const { disconnect, internal } = fakeStore.getState();
    await setState({ status: "disconnected" });
    internal.reactor.emit("statusChanged", "disconnected");
    // A later session (the next Connect) is not ended by the old Cancel.
    await setState({ status: "connecting", sessionId: "session-2" });
    internal.reactor.emit("sessionIdChanged", "session-2");
    await Promise.resolve();
    expect(disconnect).not.toHaveBeenCalled();
  });

  it("shows waiting as waiting for a GPU with the elapsed time", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      renderSession();
      await setState({ status: "waiting", sessionId: "s1" });
      expect(screen.getByRole("status")).toHaveTextContent("Waiting for a GPU");
      await act(() => vi.advanceTimersByTimeAsync(3_000));
      expect(screen.getByText(/^[3-4] s$/)).toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });

  it("shows Live and a Disconnect button when ready", async () => {
    renderSession();
    await setState({ status: "ready", sessionId: "s1" });
    expect(screen.getByRole("status")).toHaveTextContent("Live");
    await userEvent.click(screen.getByRole("button", { name: "Disconnect" }));
    expect(fakeStore.getState().disconnect).toHaveBeenCalledWith(false);
  });

  it("offers Reconnect after the stream drops but the session survives", async () => {
    renderSession();
    await setState({ status: "disconnected", sessionId: "s1" });
    expect(screen.getByRole("status")).toHaveTextContent("Stream interrupted");
    await userEvent.click(screen.getByRole("button", { name: "Reconnect" }));
    expect(fakeStore.getState().reconnect).toHaveBeenCalledTimes(1);
    expect(screen.getByRole("button", { name: "End session" })).toBeEnabled();
  });

  it("after a failed resume, starts a new session that ends the old one first", async () => {
    renderSession();
    await setState({ status: "disconnected", sessionId: "s1" });
    await userEvent.click(screen.getByRole("button", { name: "Reconnect" }));
    await setState({
      lastError: {
        code: "RECONNECTION_FAILED",
        message: "Failed to reconnect: Error: Failed to send SDP offer: 404",
        timestamp: Date.now() + 1,
      },
    });
    expect(screen.getByRole("alert")).toHaveTextContent(
      "Could not resume the session",
    );
    await userEvent.click(
      screen.getByRole("button", { name: "Start a new session" }),
    );
    const { disconnect, connect } = fakeStore.getState();
    await waitFor(() => expect(connect).toHaveBeenCalledWith("jwt-1"));
    expect(disconnect).toHaveBeenCalledWith(false);
    expect(disconnect.mock.invocationCallOrder[0]).toBeLessThan(
      connect.mock.invocationCallOrder[0]!,
    );
  });

  it("shows an SDK failure with its next step and a Try again button", async () => {
    renderSession();
    fakeStore.getState().connect.mockImplementationOnce(async () => {
      fakeStore.setState({
        lastError: {
          code: "CONNECTION_FAILED",
          message:
            'Connection failed: Error: Failed to create session: 429 {"error":"at capacity"}',
          timestamp: Date.now(),
        },
      });
      throw new Error('Failed to create session: 429 {"error":"at capacity"}');
    });
    await userEvent.click(screen.getByRole("button", { name: "Connect" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      /No GPU capacity right now.*End sessions in other tabs/,
    );
    expect(screen.getByRole("button", { name: "Try again" })).toBeEnabled();
  });

  it("does not show an error from before the latest click", async () => {
    renderSession();
    await setState({
      lastError: {
        code: "CONNECTION_FAILED",
        message: "Connection failed: Error: Failed to create session: 500",
        timestamp: Date.now() - 60_000,
      },
    });
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("re-mints once and retries when Reactor rejects the token", async () => {
    const fetcher = tokenSource("stale", "fresh");
    renderSession({ fetcher });
    const { connect } = fakeStore.getState();
    connect.mockRejectedValueOnce(
      new Error('Failed to create session: 401 {"error":"token expired"}'),
    );
    await userEvent.click(screen.getByRole("button", { name: "Connect" }));
    await waitFor(() => expect(connect).toHaveBeenCalledTimes(2));
    expect(connect.mock.calls.map((c) => c[0])).toEqual(["stale", "fresh"]);
    expect(fetcher).toHaveBeenCalledTimes(2);
  });

  it("does not retry failures that a fresh token cannot fix", async () => {
    renderSession();
    const { connect } = fakeStore.getState();
    connect.mockRejectedValueOnce(new Error("Failed to create session: 500"));
    await userEvent.click(screen.getByRole("button", { name: "Connect" }));
    await waitFor(() => expect(connect).toHaveBeenCalledTimes(1));
    await userEvent.click(
      screen.getByRole("button", { name: /Connect|Try again/ }),
    );
    await waitFor(() => expect(connect).toHaveBeenCalledTimes(2));
  });

  it("shows the token route's error and next step", async () => {
    const fetcher = vi.fn(async () => {
      throw new TokenFetchError(
        "key_rejected",
        "Reactor rejected REACTOR_API_KEY. Create a new key and restart.",
      );
    });
    renderSession({ fetcher });
    expect(await screen.findByRole("alert")).toHaveTextContent(
      /Reactor rejected the API key.*Create a new key/,
    );
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(fetcher).toHaveBeenCalledTimes(2));
    expect(fakeStore.getState().connect).not.toHaveBeenCalled();
    expect(screen.getByRole("alert")).toBeInTheDocument();
  });

  it("starts exactly one session on a double click", async () => {
    renderSession();
    const button = screen.getByRole("button", { name: "Connect" });
    await userEvent.dblClick(button);
    await waitFor(() =>
      expect(fakeStore.getState().connect).toHaveBeenCalledTimes(1),
    );
  });

  it("starts one session when two clicks land before React re-renders", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const fetcher = vi.fn(async () => {
      await gate;
      return { jwt: "slow", expiresAt: Date.now() + HOUR };
    });
    renderSession({ fetcher });
    const button = screen.getByRole("button", { name: "Connect" });
    // Two synchronous dispatches: no render happens in between.
    act(() => {
      button.click();
      button.click();
    });
    release();
    await waitFor(() =>
      expect(fakeStore.getState().connect).toHaveBeenCalledTimes(1),
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(fakeStore.getState().connect).toHaveBeenCalledTimes(1);
  });

  it("starts exactly one session under StrictMode", async () => {
    const { fetcher } = renderSession({ strict: true });
    await userEvent.click(screen.getByRole("button", { name: "Connect" }));
    await waitFor(() =>
      expect(fakeStore.getState().connect).toHaveBeenCalledTimes(1),
    );
    expect(fetcher).toHaveBeenCalledTimes(1);
  });
});

describe("model commands", () => {
  const capabilities = {
    protocol_version: "1.0",
    tracks: [{ name: "main_video", kind: "video", direction: "recvonly" }],
    commands: [
      {
        name: "set_scene",
        description: "Switch the scene",
        schema: {
          scene: { type: "string", enum: ["bars", "fractal"], required: true },
        },
      },
    ],
  };

  it("renders declared commands and sends typed arguments when ready", async () => {
    renderSession();
    const reactor = fakeStore.getState().internal.reactor;
    await act(() => {
      reactor.capabilities = capabilities;
      reactor.emit("capabilitiesReceived", capabilities);
      fakeStore.setState({ status: "ready", sessionId: "s1" });
    });
    await userEvent.selectOptions(
      screen.getByRole("combobox", { name: /^scene/ }),
      "fractal",
    );
    await userEvent.click(
      screen.getByRole("button", { name: "Send set_scene" }),
    );
    expect(fakeStore.getState().sendCommand).toHaveBeenCalledWith("set_scene", {
      scene: "fractal",
    });

    act(() =>
      emitModelMessage({ type: "command_ack", data: { command: "set_scene" } }),
    );
    expect(screen.getByRole("list", { name: "Messages" })).toHaveTextContent(
      "command_ack",
    );
  });

  it("offers commands only while the session is ready", async () => {
    renderSession();
    const reactor = fakeStore.getState().internal.reactor;
    await act(() => {
      reactor.capabilities = capabilities;
      reactor.emit("capabilitiesReceived", capabilities);
      fakeStore.setState({ status: "waiting", sessionId: "s1" });
    });
    expect(
      screen.queryByRole("button", { name: "Send set_scene" }),
    ).not.toBeInTheDocument();
    await setState({ status: "ready" });
    // Enabled, and Send waits for the required choice.
    expect(screen.getByRole("combobox", { name: /^scene/ })).toBeEnabled();
    expect(
      screen.getByRole("button", { name: "Send set_scene" }),
    ).toBeDisabled();
    await setState({ status: "disconnected", sessionId: undefined });
    expect(
      screen.queryByRole("button", { name: "Send set_scene" }),
    ).not.toBeInTheDocument();
  });

  it("asks the model for its schema once ready and shows where its controls came from", async () => {
    renderSession();
    await setState({ status: "ready", sessionId: "s1" });
    expect(runtimeCommandsSent()).toEqual([
      "requestSchema",
      "requestCapabilities",
    ]);
    act(() =>
      emitRuntimeMessage({
        type: "modelSchema",
        data: {
          openapi: "3.1.0",
          info: { title: "demo", version: "1" },
          paths: {
            "/events/pause": {
              post: { operationId: "pause", summary: "Pause" },
            },
          },
        },
      }),
    );
    expect(screen.getByTestId("model-interface-source")).toHaveAttribute(
      "data-source",
      "schema",
    );
    expect(screen.getByRole("button", { name: "Pause" })).toBeEnabled();
  });
});
