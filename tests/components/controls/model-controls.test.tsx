import { act, fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createRef } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  heldModel,
  modelInterface,
  pointerModel,
  promptModel,
} from "@test/fixtures/model-interface";
import {
  emitModelMessage,
  emitRuntimeMessage,
  fakeStore,
  resetFakeSdk,
} from "@test/support/fake-sdk";
import { ModelControls } from "@/components/controls/model-controls";
import type { ModelInterface } from "@/lib/model-schema/types";
import { ACTIVITY_EVENT } from "@/lib/activity";

vi.mock("@reactor-team/js-sdk", async () => {
  const { fakeSdkModule } = await import("@test/support/fake-sdk");
  return fakeSdkModule;
});

function renderControls(model: ModelInterface | undefined) {
  const stage = document.createElement("figure");
  document.body.append(stage);
  const stageRef = createRef<HTMLElement>() as { current: HTMLElement | null };
  stageRef.current = stage;
  render(<ModelControls model={model} stageRef={stageRef} />);
  return { stage, sendCommand: fakeStore.getState().sendCommand };
}

const toolbar = () => screen.getByRole("list", { name: "Lifecycle" });
const message = (type: string, data: unknown) =>
  act(() => emitModelMessage({ type, data }));

beforeEach(() => {
  resetFakeSdk();
  fakeStore.setState({ status: "ready", sessionId: "s1" });
});
afterEach(() => document.body.replaceChildren());

describe("first run", () => {
  it("renders nothing until the model's interface is known", () => {
    renderControls(undefined);
    expect(screen.queryByRole("region")).not.toBeInTheDocument();
  });

  it("shows the setters before the lifecycle toolbar, and the next step", async () => {
    const { sendCommand } = renderControls(promptModel);
    const forms = screen.getAllByRole("form");
    const start = screen.getByRole("button", { name: "Start" });
    expect(forms[0]).toHaveAccessibleName(/Set prompt/);
    expect(forms.at(-1)!.compareDocumentPosition(start)).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    expect(screen.getByRole("note")).toHaveTextContent(
      "Set a prompt, then Start",
    );
    expect(forms[0]).toHaveAttribute("data-next-step");

    await userEvent.type(
      screen.getByRole("textbox", { name: "prompt" }),
      "a forest{Enter}",
    );
    expect(sendCommand).toHaveBeenCalledWith("set_prompt", {
      prompt: "a forest",
    });
    expect(screen.getByRole("note")).toHaveTextContent("Now press Start");
    expect(start).toHaveAttribute("data-next-step");
    expect(forms[0]).not.toHaveAttribute("data-next-step");

    await userEvent.click(start);
    expect(sendCommand).toHaveBeenLastCalledWith("start", {});
    expect(screen.queryByRole("note")).not.toBeInTheDocument();
  });

  it("disables everything until the session is ready", () => {
    fakeStore.setState({ status: "waiting" });
    renderControls(promptModel);
    expect(screen.getByRole("button", { name: "Start" })).toBeDisabled();
    expect(
      screen.getByRole("button", { name: "Send set_prompt" }),
    ).toBeDisabled();
    expect(screen.queryByRole("note")).not.toBeInTheDocument();
  });

  it("opens the raw command when the model declares nothing to send", () => {
    renderControls(modelInterface([]));
    expect(screen.getByRole("textbox", { name: "Command name" })).toBeVisible();
    expect(screen.queryByRole("note")).not.toBeInTheDocument();
  });

  it("lists what it could not read from the schema", () => {
    renderControls(
      modelInterface([], { problems: ["paths./events/x: not an object"] }),
    );
    expect(
      screen.getByText("paths./events/x: not an object"),
    ).toBeInTheDocument();
  });
});

describe("what the model says", () => {
  it("shows command_error beside the control it names", () => {
    renderControls(promptModel);
    message("command_error", { command: "start", reason: "prompt is empty" });
    expect(within(toolbar()).getByRole("alert")).toHaveTextContent(
      "prompt is empty",
    );
    expect(
      screen.getByRole("button", { name: "Start" }).parentElement,
    ).toHaveTextContent("prompt is empty");
  });

  it("clears a command's error when it is sent again", async () => {
    renderControls(promptModel);
    message("command_error", { command: "start", reason: "prompt is empty" });
    await userEvent.click(screen.getByRole("button", { name: "Start" }));
    expect(within(toolbar()).queryByRole("alert")).not.toBeInTheDocument();
  });

  it("shows errors for held events on their own, as they have no form", () => {
    renderControls(heldModel);
    message("command_error", { command: "set_look", reason: "not running" });
    expect(screen.getByRole("alert")).toHaveTextContent(
      "set_look: not running",
    );
  });

  it("shows an error for an undeclared command on its own", () => {
    renderControls(promptModel);
    message("command_error", { command: "warp", reason: "unknown command" });
    expect(screen.getByRole("alert")).toHaveTextContent(
      "warp: unknown command",
    );
  });

  it("shows the latest snapshot as a table", () => {
    renderControls(promptModel);
    message("state", { running: false, current_prompt: null });
    message("state", { running: true, current_prompt: "a forest" });
    const table = screen.getByRole("table", { name: "Model state" });
    expect(
      within(table).getByRole("row", { name: "running true" }),
    ).toBeInTheDocument();
    expect(
      within(table).getByRole("row", { name: "current_prompt a forest" }),
    ).toBeInTheDocument();
  });

  it("enables only the lifecycle events a snapshot's valid_commands lists", () => {
    renderControls(promptModel);
    message("state_update", { valid_commands: ["start", "reset"] });
    expect(screen.getByRole("button", { name: "Start" })).toBeEnabled();
    expect(screen.getByRole("button", { name: "Pause" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Reset" })).toBeEnabled();
  });

  it("logs messages newest first, keeps 200, and filters by type", async () => {
    renderControls(promptModel);
    act(() => {
      for (let i = 0; i < 250; i++)
        emitModelMessage({ type: "chunk_done", data: { i } });
      emitModelMessage({ type: "prompt_accepted", data: { prompt: "x" } });
    });
    const log = screen.getByRole("list", { name: "Messages" });
    const rows = within(log).getAllByRole("listitem");
    expect(rows).toHaveLength(200);
    expect(rows[0]).toHaveTextContent("prompt_accepted");
    expect(rows[1]).toHaveTextContent('{"i":249}');
    await userEvent.selectOptions(
      screen.getByRole("combobox", { name: "Type" }),
      "prompt_accepted",
    );
    expect(within(log).getAllByRole("listitem")).toHaveLength(1);
  });

  it("shows undeclared and unparseable messages raw", () => {
    renderControls(promptModel);
    message("workers_ready", { tsp_size: 4 });
    act(() => emitModelMessage("not json"));
    const [raw, undeclared, ...rest] = within(
      screen.getByRole("list", { name: "Messages" }),
    ).getAllByRole("listitem");
    expect(rest).toHaveLength(0);
    expect(raw).toHaveTextContent("undeclared not json");
    expect(undeclared).toHaveTextContent(
      'workers_ready undeclared {"tsp_size":4}',
    );
  });
});

describe("held controls", () => {
  it("sends the held key's value and idle on release", async () => {
    const user = userEvent.setup();
    const { sendCommand } = renderControls(heldModel);
    await user.keyboard("{w>}");
    expect(sendCommand).toHaveBeenLastCalledWith("set_movement", {
      movement: "forward",
    });
    await user.keyboard("{ArrowLeft>}");
    expect(sendCommand).toHaveBeenLastCalledWith("set_look", { look: "left" });
    await user.keyboard("{/w}");
    expect(sendCommand).toHaveBeenLastCalledWith("set_movement", {
      movement: "idle",
    });
    await user.keyboard("{/ArrowLeft}");
    expect(sendCommand).toHaveBeenLastCalledWith("set_look", { look: "idle" });
  });

  it("falls back to the other held key, sends once per press, and ignores typing", async () => {
    const user = userEvent.setup();
    const { sendCommand } = renderControls(heldModel);
    await user.keyboard("{w>3}{s>}");
    expect(sendCommand.mock.calls.map((c) => c[1].movement)).toEqual([
      "forward",
      "back",
    ]);
    await user.keyboard("{/s}");
    expect(sendCommand).toHaveBeenLastCalledWith("set_movement", {
      movement: "forward",
    });
    await user.keyboard("{/w}");
    sendCommand.mockClear();
    await user.type(screen.getByRole("textbox", { name: "prompt" }), "wasd");
    expect(sendCommand).not.toHaveBeenCalled();
  });

  it("offers press-and-hold buttons that name their keys", () => {
    const { sendCommand } = renderControls(heldModel);
    const forward = screen.getByRole("button", { name: "Forward W" });
    expect(forward).toHaveAttribute("aria-keyshortcuts", "w");
    fireEvent.pointerDown(forward);
    expect(sendCommand).toHaveBeenLastCalledWith("set_movement", {
      movement: "forward",
    });
    expect(forward).toHaveAttribute("aria-pressed", "true");
    fireEvent.pointerUp(forward);
    expect(sendCommand).toHaveBeenLastCalledWith("set_movement", {
      movement: "idle",
    });
  });

  it("sends nothing while not connected", async () => {
    fakeStore.setState({ status: "connecting" });
    const user = userEvent.setup();
    const { sendCommand } = renderControls(heldModel);
    await user.keyboard("{w>}{/w}");
    expect(sendCommand).not.toHaveBeenCalled();
  });
});

describe("pointer overlay", () => {
  it("covers the stage, throttles to 30 Hz and ends with active false", () => {
    vi.useFakeTimers();
    try {
      const { stage, sendCommand } = renderControls(pointerModel);
      const overlay = within(stage).getByRole("application");
      overlay.getBoundingClientRect = () =>
        ({ left: 0, top: 0, width: 200, height: 100 }) as DOMRect;
      fireEvent.pointerDown(overlay, { clientX: 50, clientY: 50 });
      expect(sendCommand).toHaveBeenLastCalledWith("set_pointer", {
        x: 0.25,
        y: 0.5,
        active: true,
      });
      for (let i = 0; i < 10; i++)
        fireEvent.pointerMove(overlay, { clientX: 100 + i, clientY: 25 });
      expect(sendCommand).toHaveBeenCalledTimes(1);
      act(() => vi.advanceTimersByTime(40));
      expect(sendCommand).toHaveBeenCalledTimes(2);
      expect(sendCommand).toHaveBeenLastCalledWith("set_pointer", {
        x: 0.545,
        y: 0.25,
        active: true,
      });
      fireEvent.pointerUp(overlay, { clientX: 400, clientY: 25 });
      expect(sendCommand).toHaveBeenLastCalledWith("set_pointer", {
        x: 1,
        y: 0.25,
        active: false,
      });
      act(() => vi.advanceTimersByTime(100));
      expect(sendCommand).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it("is not there for a model without a pointer event", () => {
    const { stage } = renderControls(promptModel);
    expect(within(stage).queryByRole("application")).not.toBeInTheDocument();
  });
});

describe("raw command", () => {
  it("sends any name with JSON data, and refuses data that is not an object", async () => {
    const { sendCommand } = renderControls(promptModel);
    await userEvent.click(screen.getByText("Send a raw command"));
    await userEvent.type(
      screen.getByRole("textbox", { name: "Command name" }),
      "trigger_reset",
    );
    const data = screen.getByRole("textbox", { name: "Data (JSON)" });
    await userEvent.clear(data);
    await userEvent.type(data, "[[1]");
    expect(data).toHaveAccessibleDescription(
      "Data must be a JSON object, like {}",
    );
    expect(screen.getByRole("button", { name: "Send raw" })).toBeDisabled();
    await userEvent.clear(data);
    await userEvent.type(data, '{{"mode":"auto"}');
    await userEvent.click(screen.getByRole("button", { name: "Send raw" }));
    expect(sendCommand).toHaveBeenCalledWith("trigger_reset", { mode: "auto" });
  });
});

describe("moderation", () => {
  it("shows a runtime moderation message as a warning naming the command", () => {
    renderControls(promptModel);
    act(() =>
      emitRuntimeMessage({
        type: "moderation",
        data: {
          action: "warn",
          input_kind: "text",
          command: "set_prompt",
          categories: ["violence"],
          message: "Prompt flagged",
        },
      }),
    );
    expect(
      within(screen.getByRole("list", { name: "Moderation" })).getByRole(
        "alert",
      ),
    ).toHaveTextContent(
      "Moderation warning on set_prompt: Prompt flagged (violence). Rephrase",
    );
  });
});

describe("activity", () => {
  it("reports every command sent, for the idle policy", async () => {
    // The reported event only: the click's own pointer input counts apart.
    const seen = vi.fn();
    window.addEventListener(ACTIVITY_EVENT, seen);
    try {
      renderControls(promptModel);
      await userEvent.click(screen.getByRole("button", { name: "Start" }));
      expect(seen).toHaveBeenCalledTimes(1);
    } finally {
      window.removeEventListener(ACTIVITY_EVENT, seen);
    }
  });
});
