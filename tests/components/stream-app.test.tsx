import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { StrictMode } from "react";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeStore, resetFakeSdk } from "@test/support/fake-sdk";
import { StreamApp } from "@/components/stream-app";
import * as FetchToken from "@/lib/fetch-token";
import { warmMediaStyles } from "@/lib/warm-media-styles";
import { SESSION_CONFIG } from "@test/fixtures/public-config";

vi.mock("@reactor-team/js-sdk", async () => {
  const { fakeSdkModule } = await import("@test/support/fake-sdk");
  return fakeSdkModule;
});

// The loader is the seam under test's control: when the chunk "arrives" and
// when the browser "goes idle" (the idle steps run when a test says so).
const loader = vi.hoisted(() => ({
  load: vi.fn(),
  idleSteps: vi.fn(),
}));
vi.mock("@/components/load-reactor-session", () => ({
  loadReactorSession: loader.load,
  inIdleSteps: loader.idleSteps,
}));
vi.mock("@/lib/warm-media-styles", () => ({ warmMediaStyles: vi.fn() }));
vi.mock("@/lib/fetch-token", async (importActual) => ({
  ...(await importActual<typeof FetchToken>()),
  fetchToken: vi.fn(async () => ({
    jwt: "jwt-1",
    expiresAt: Date.now() + 3_600_000,
  })),
}));

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const realChunk = () => import("@/components/reactor-session");
// Imported once up front: a cold import takes longer than waitFor's second
// on a busy machine, and the tests time the swap, not the transform.
beforeAll(realChunk);

let idleSteps: (() => unknown)[];
/** Every idle step, in order, each after the last one settled. */
async function runIdleSteps() {
  for (const step of idleSteps) await act(async () => void (await step()));
}
beforeEach(() => {
  resetFakeSdk();
  idleSteps = [];
  vi.mocked(FetchToken.fetchToken).mockClear();
  vi.mocked(warmMediaStyles).mockClear();
  loader.load.mockReset();
  loader.idleSteps.mockReset().mockImplementation((steps: typeof idleSteps) => {
    idleSteps = steps;
    return () => undefined;
  });
});

const connectButton = () => screen.getByRole("button", { name: "Connect" });

describe("before the SDK chunk", () => {
  it("paints a working Connect and loads or mints nothing until idle or intent", () => {
    loader.load.mockReturnValue(new Promise(() => undefined));
    render(<StreamApp config={SESSION_CONFIG} />);
    expect(connectButton()).toBeEnabled();
    expect(loader.idleSteps).toHaveBeenCalledTimes(1);
    expect(loader.load).not.toHaveBeenCalled();
    expect(FetchToken.fetchToken).not.toHaveBeenCalled();
    expect(warmMediaStyles).not.toHaveBeenCalled();
  });

  it("in idle time mints a token, loads the chunk and swaps in the session", async () => {
    loader.load.mockImplementation(realChunk);
    render(<StreamApp config={SESSION_CONFIG} />);
    await runIdleSteps();
    expect(FetchToken.fetchToken).toHaveBeenCalledTimes(1);
    expect(loader.load).toHaveBeenCalledTimes(1);
    // The session's own status line (it announces its phase politely).
    await waitFor(() =>
      expect(screen.getByRole("status")).toHaveAttribute("aria-live", "polite"),
    );
    expect(
      await screen.findByText("Press Connect to start a session"),
    ).toBeInTheDocument();
    expect(fakeStore.getState().connect).not.toHaveBeenCalled();
  });

  it.each(["hover", "focus"])("loads on intent (%s)", async (intent) => {
    loader.load.mockReturnValue(new Promise(() => undefined));
    render(<StreamApp config={SESSION_CONFIG} />);
    if (intent === "hover") await userEvent.hover(connectButton());
    else act(() => connectButton().focus());
    expect(loader.load).toHaveBeenCalled();
    // The click will mount the video view: its styles are paid now.
    expect(warmMediaStyles).toHaveBeenCalled();
    expect(fakeStore.getState().connect).not.toHaveBeenCalled();
  });
});

describe("the swap to the session", () => {
  it("waits for a press on Connect to end, so the click is not lost", async () => {
    const chunk = deferred<Awaited<ReturnType<typeof realChunk>>>();
    loader.load.mockReturnValue(chunk.promise);
    render(<StreamApp config={SESSION_CONFIG} />);
    const user = userEvent.setup();
    const button = connectButton();
    // Pressed, not yet released; the chunk arrives in between.
    await user.pointer({ keys: "[MouseLeft>]", target: button });
    await act(async () => chunk.resolve(await realChunk()));
    expect(button).toBeInTheDocument();
    await user.pointer({ keys: "[/MouseLeft]", target: button });
    await waitFor(() =>
      expect(fakeStore.getState().connect).toHaveBeenCalledWith("jwt-1"),
    );
    await screen.findByTestId("reactor-view");
    expect(fakeStore.getState().connect).toHaveBeenCalledTimes(1);
  });

  it("keeps keyboard focus on Connect", async () => {
    const chunk = deferred<Awaited<ReturnType<typeof realChunk>>>();
    loader.load.mockReturnValue(chunk.promise);
    render(<StreamApp config={SESSION_CONFIG} />);
    act(() => connectButton().focus());
    await act(async () => chunk.resolve(await realChunk()));
    // The session's stage: it has replaced the skeleton.
    await screen.findByTestId("stage");
    await waitFor(() => expect(connectButton()).toHaveFocus());
    expect(fakeStore.getState().connect).not.toHaveBeenCalled();
  });
});

describe("Connect pressed before the chunk arrived", () => {
  it.each([false, true])(
    "connects once the chunk is in, exactly once (StrictMode: %s)",
    async (strict) => {
      const chunk = deferred<Awaited<ReturnType<typeof realChunk>>>();
      loader.load.mockReturnValue(chunk.promise);
      const ui = <StreamApp config={SESSION_CONFIG} />;
      render(strict ? <StrictMode>{ui}</StrictMode> : ui);

      await userEvent.click(connectButton());
      expect(
        screen.getByRole("button", { name: "Connecting…" }),
      ).toBeDisabled();
      expect(screen.getByRole("status")).toHaveTextContent(
        "Loading the player…",
      );

      await act(async () => chunk.resolve(await realChunk()));
      await waitFor(() =>
        expect(fakeStore.getState().connect).toHaveBeenCalledWith("jwt-1"),
      );
      // Let any second effect run or stray click land before counting.
      await act(() => new Promise((r) => setTimeout(r, 50)));
      expect(fakeStore.getState().connect).toHaveBeenCalledTimes(1);
    },
  );

  it("a failed load says what to do, and Connect tries again", async () => {
    loader.load.mockRejectedValue(new Error("ChunkLoadError"));
    render(<StreamApp config={SESSION_CONFIG} />);

    await userEvent.click(connectButton());
    expect(await screen.findByRole("alert")).toHaveTextContent(
      /could not be loaded.*press Connect to try again/,
    );
    expect(fakeStore.getState().connect).not.toHaveBeenCalled();

    // Held until after the click, so the retry goes through the skeleton.
    const chunk = deferred<Awaited<ReturnType<typeof realChunk>>>();
    loader.load.mockReturnValue(chunk.promise);
    await userEvent.click(connectButton());
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    await act(async () => chunk.resolve(await realChunk()));
    await waitFor(() =>
      expect(fakeStore.getState().connect).toHaveBeenCalledWith("jwt-1"),
    );
    expect(fakeStore.getState().connect).toHaveBeenCalledTimes(1);
  });
});
