import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createRef } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import helios from "@test/fixtures/model-schema/helios.json";
import lingbot from "@test/fixtures/model-schema/lingbot.json";
import { fakeStore, resetFakeSdk } from "@test/support/fake-sdk";
import { ModelControls } from "@/components/controls/model-controls";
import { parseModelSchema } from "@/lib/model-schema/parse";

vi.mock("@reactor-team/js-sdk", async () => {
  const { fakeSdkModule } = await import("@test/support/fake-sdk");
  return fakeSdkModule;
});

// Real published documents, read by the real parser: the controls come from
// their shape alone.
function renderSchema(doc: unknown) {
  render(
    <ModelControls model={parseModelSchema(doc)} stageRef={createRef()} />,
  );
  return fakeStore.getState().sendCommand;
}

beforeEach(() => {
  resetFakeSdk();
  fakeStore.setState({ status: "ready", sessionId: "s1" });
});

describe("a text-and-image video model's schema", () => {
  it("gives each field its widget and asks for a prompt, then Start", () => {
    renderSchema(helios);
    expect(screen.getByRole("note")).toHaveTextContent(
      "Set a prompt, then Start",
    );
    expect(
      screen.getByRole("combobox", { name: "sr_scale" }),
    ).toHaveDisplayValue("2x");
    expect(screen.getByRole("slider", { name: "image_strength" })).toHaveValue(
      "1",
    );
    expect(screen.getByLabelText("image")).toHaveAttribute("type", "file");
    expect(screen.getByRole("spinbutton", { name: "chunk" })).toHaveValue(0);
    const toolbar = screen.getByRole("list", { name: "Lifecycle" });
    expect(
      within(toolbar)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["Start", "Pause", "Resume", "Reset"]);
  });

  it("will not send a chunk below its minimum", async () => {
    const send = renderSchema(helios);
    const chunk = screen.getByRole("spinbutton", { name: "chunk" });
    await userEvent.clear(chunk);
    await userEvent.type(chunk, "-1");
    expect(chunk).toHaveAccessibleDescription(/Must be at least 0$/);
    expect(
      screen.getByRole("button", { name: "Send schedule_prompt" }),
    ).toBeDisabled();
    expect(send).not.toHaveBeenCalled();
  });
});

describe("a world model's schema", () => {
  it("asks for a prompt and an image, and binds movement and look to keys", async () => {
    const send = renderSchema(lingbot);
    expect(screen.getByRole("note")).toHaveTextContent(
      "Set a prompt and an image, then Start",
    );
    expect(
      screen.getByRole("button", { name: "Forward W" }),
    ).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Up ↑" })).toBeInTheDocument();
    const user = userEvent.setup();
    await user.keyboard("{d>}{/d}");
    expect(send.mock.calls).toEqual([
      ["set_movement", { movement: "strafe_right" }],
      ["set_movement", { movement: "idle" }],
    ]);
  });
});
