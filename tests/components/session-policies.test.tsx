import { act, fireEvent, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeStore, resetFakeSdk } from "@test/support/fake-sdk";
import { renderSession } from "@test/support/render-session";

vi.mock("@reactor-team/js-sdk", async () => {
  const { fakeSdkModule } = await import("@test/support/fake-sdk");
  return fakeSdkModule;
});

const renderWithPolicies = () =>
  renderSession({
    config: { model: "acme/test-pattern", idleDisconnectSeconds: 5 },
  });

/** The SDK going live: a session id (sessionIdChanged), then ready. */
function goLive(id = "s1") {
  act(() => {
    fakeStore.getState().internal.reactor.emit("sessionIdChanged", id);
    fakeStore.setState({ sessionId: id, status: "ready" });
  });
}

/** What the SDK does once disconnect(false) has sent its DELETE. */
function sessionGone() {
  act(() => {
    fakeStore.getState().internal.reactor.emit("sessionIdChanged", undefined);
    fakeStore.setState({ sessionId: undefined, status: "disconnected" });
  });
}

const advance = (ms: number) => act(() => vi.advanceTimersByTime(ms));
const dialog = () =>
  screen.queryByRole("alertdialog", { name: "Still watching?" });

beforeEach(() => {
  resetFakeSdk();
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe("idle policy", () => {
  it("asks after the idle time, counts down 20 s, then ends the session and says why", () => {
    renderWithPolicies();
    goLive();
    advance(4_999);
    expect(dialog()).toBeNull();
    advance(1);
    expect(dialog()).toHaveTextContent("ends in 20 s");
    expect(screen.getByRole("button", { name: "Keep watching" })).toHaveFocus();
    advance(5_000);
    expect(dialog()).toHaveTextContent("ends in 15 s");
    expect(fakeStore.getState().disconnect).not.toHaveBeenCalled();

    advance(15_000);
    expect(fakeStore.getState().disconnect).toHaveBeenCalledWith(false);
    sessionGone();
    expect(dialog()).toBeNull();
    expect(
      screen.getByText(/Session ended after 5 seconds without input/),
    ).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Connect" })).toBeEnabled();
  });

  it("Keep watching answers the question and keeps the session", () => {
    renderWithPolicies();
    goLive();
    advance(6_000);
    fireEvent.click(screen.getByRole("button", { name: "Keep watching" }));
    expect(dialog()).toBeNull();
    advance(4_000);
    expect(dialog()).toBeNull();
    expect(fakeStore.getState().disconnect).not.toHaveBeenCalled();
  });

  it("keyboard input during the countdown keeps the session", () => {
    renderWithPolicies();
    goLive();
    advance(6_000);
    fireEvent.keyDown(document.body, { key: "Shift" });
    expect(dialog()).toBeNull();
    advance(20_000);
    expect(fakeStore.getState().disconnect).not.toHaveBeenCalled();
  });

  it("does not run while the session is not live", () => {
    renderWithPolicies();
    act(() => fakeStore.setState({ sessionId: "s1", status: "waiting" }));
    advance(60_000);
    expect(dialog()).toBeNull();
  });
});

describe("session clock", () => {
  it("shows the time left of the 20 minutes while live, with a notice in the last minute", () => {
    renderWithPolicies();
    expect(screen.queryByText(/Session time left/)).toBeNull();
    goLive();
    expect(screen.getByText("20:00")).toBeInTheDocument();
    // Input every few seconds, so the idle policy stays quiet.
    for (let elapsed = 0; elapsed < 19 * 60_000; elapsed += 4_000) {
      fireEvent.pointerDown(document.body);
      advance(4_000);
    }
    expect(screen.getByText("1:00")).toBeInTheDocument();
    expect(screen.getByText(/this one ends in under a minute/)).toBeVisible();
  });

  it("ends the session at the cap and says why", () => {
    renderWithPolicies();
    goLive();
    for (let elapsed = 0; elapsed < 20 * 60_000; elapsed += 4_000) {
      fireEvent.pointerDown(document.body);
      advance(4_000);
    }
    expect(fakeStore.getState().disconnect).toHaveBeenCalledWith(false);
    sessionGone();
    expect(
      screen.getByText(/Reactor ends every session after 20 minutes/),
    ).toBeInTheDocument();
  });
});

describe("network", () => {
  it("shows a banner while offline", () => {
    renderWithPolicies();
    goLive();
    Object.defineProperty(navigator, "onLine", {
      configurable: true,
      get: () => false,
    });
    act(() => void window.dispatchEvent(new Event("offline")));
    expect(screen.getByText(/You are offline/)).toBeInTheDocument();
    expect(fakeStore.getState().disconnect).not.toHaveBeenCalled();
    Object.defineProperty(navigator, "onLine", {
      configurable: true,
      get: () => true,
    });
    act(() => void window.dispatchEvent(new Event("online")));
    expect(screen.queryByText(/You are offline/)).toBeNull();
  });
});
