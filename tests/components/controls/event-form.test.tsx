import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { FileRef } from "@reactor-team/js-sdk";
import { event, field, optionalImage } from "@test/fixtures/model-interface";
import { FakeFileRef } from "@test/support/fake-sdk";
import { EventForm } from "@/components/controls/event-form";
import type { EventSpec } from "@/lib/model-schema/types";

function renderForm(
  spec: EventSpec,
  props: Partial<Parameters<typeof EventForm>[0]> = {},
) {
  const onSend = vi.fn();
  const upload = vi.fn(
    async (file: File) =>
      new FakeFileRef(
        "u1",
        file.name,
        file.type,
        file.size,
      ) as unknown as FileRef,
  );
  render(
    <EventForm
      event={spec}
      disabled={false}
      onSend={onSend}
      upload={upload}
      error={undefined}
      highlighted={false}
      {...props}
    />,
  );
  const sendButton = () =>
    screen.getByRole("button", { name: `Send ${spec.name}` });
  return { onSend, upload, sendButton };
}

describe("widgets", () => {
  it("an enum is a select prefilled from its default", async () => {
    const { onSend, sendButton } = renderForm(
      event(
        "set_mode",
        field("mode", {
          type: "string",
          enum: ["off", "2x", "4x"],
          default: "2x",
        }),
      ),
    );
    const select = screen.getByRole("combobox", { name: "mode" });
    expect(select).toHaveDisplayValue("2x");
    await userEvent.selectOptions(select, "4x");
    await userEvent.click(sendButton());
    expect(onSend).toHaveBeenCalledWith("set_mode", { mode: "4x" });
  });

  it("a boolean is a checkbox", async () => {
    const { onSend, sendButton } = renderForm(
      event("set_loop", field("loop", { type: "boolean", default: false })),
    );
    const box = screen.getByRole("checkbox", { name: "loop" });
    expect(box).not.toBeChecked();
    await userEvent.click(box);
    await userEvent.click(sendButton());
    expect(onSend).toHaveBeenCalledWith("set_loop", { loop: true });
  });

  it("a bounded number is a slider with its value shown", () => {
    renderForm(
      event(
        "set_strength",
        field("strength", {
          type: "number",
          minimum: 0,
          maximum: 1,
          default: 0.5,
        }),
      ),
    );
    const slider = screen.getByRole("slider", { name: "strength" });
    expect(slider).toHaveValue("0.5");
    expect(slider).toHaveAttribute("min", "0");
    expect(slider).toHaveAttribute("max", "1");
    expect(slider.nextElementSibling).toHaveTextContent("0.5");
  });

  it("an unbounded integer is a number box with step 1, sent as a number", async () => {
    const { onSend, sendButton } = renderForm(
      event("set_seed", field("seed", { type: "integer", default: 0 })),
    );
    const box = screen.getByRole("spinbutton", { name: "seed" });
    expect(box).toHaveAttribute("step", "1");
    await userEvent.clear(box);
    await userEvent.type(box, "42");
    await userEvent.click(sendButton());
    expect(onSend).toHaveBeenCalledWith("set_seed", { seed: 42 });
  });

  it("text shows a live count against maxLength and refuses more", async () => {
    const { sendButton } = renderForm(
      event(
        "set_title",
        field("title", { type: "string", maxLength: 5, default: "" }),
      ),
    );
    const box = screen.getByRole("textbox", { name: "title" });
    await userEvent.type(box, "abc");
    expect(screen.getByLabelText("3 of 5 characters")).toHaveTextContent("3/5");
    expect(sendButton()).toBeEnabled();
    await userEvent.type(box, "def");
    expect(box).toHaveAccessibleDescription("Must be at most 5 characters");
    expect(sendButton()).toBeDisabled();
  });

  it("long text limits get a textarea", () => {
    renderForm(
      event(
        "set_script",
        field("script", { type: "string", maxLength: 4000, default: "" }),
      ),
    );
    expect(screen.getByRole("textbox", { name: "script" }).tagName).toBe(
      "TEXTAREA",
    );
  });

  it("an array is JSON text, parsed and checked against the schema", async () => {
    const spec = event(
      "set_pose",
      field("pose", {
        type: "array",
        schema: { type: "array", items: { type: "number" } },
        default: [],
      }),
    );
    const { onSend, sendButton } = renderForm(spec);
    const box = screen.getByRole("textbox", { name: "pose" });
    await userEvent.clear(box);
    await userEvent.click(box);
    await userEvent.paste("[1,");
    expect(box).toHaveAccessibleDescription(/^Not valid JSON/);
    expect(sendButton()).toBeDisabled();
    await userEvent.paste(' "x"]');
    expect(box).toHaveAccessibleDescription("Item 2: Must be a number");
    await userEvent.clear(box);
    await userEvent.paste("[1, 2.5]");
    await userEvent.click(sendButton());
    expect(onSend).toHaveBeenCalledWith("set_pose", { pose: [1, 2.5] });
  });

  it("marks required fields", () => {
    renderForm(
      event("set_mode", field("mode", { type: "string", enum: ["a", "b"] })),
    );
    expect(screen.getByText("(required)")).toBeInTheDocument();
    expect(
      screen.getByRole("combobox", { name: /mode/ }),
    ).toHaveAccessibleDescription("Required");
  });
});

describe("validation", () => {
  it("shows why an out-of-range value cannot be sent and keeps Send disabled", async () => {
    const { onSend, sendButton } = renderForm(
      event(
        "schedule",
        field("chunk", { type: "integer", minimum: 0, default: 0 }),
      ),
    );
    const box = screen.getByRole("spinbutton", { name: "chunk" });
    await userEvent.clear(box);
    await userEvent.type(box, "-3");
    expect(box).toHaveAttribute("aria-invalid", "true");
    expect(box).toHaveAccessibleDescription("Must be at least 0");
    expect(sendButton()).toBeDisabled();
    await userEvent.type(box, "{Enter}");
    expect(onSend).not.toHaveBeenCalled();
  });

  it("is all disabled when not connected", () => {
    const { sendButton } = renderForm(
      event("set_seed", field("seed", { type: "integer", default: 0 })),
      { disabled: true },
    );
    expect(sendButton()).toBeDisabled();
    expect(screen.getByRole("spinbutton")).toBeDisabled();
  });

  it("shows the model's command_error for this command", () => {
    renderForm(
      event("set_seed", field("seed", { type: "integer", default: 0 })),
      {
        error: "seed must be positive",
      },
    );
    expect(screen.getByRole("alert")).toHaveTextContent(
      "set_seed: seed must be positive",
    );
  });
});

describe("file fields", () => {
  const spec = event(
    "set_image",
    optionalImage,
    field("caption", { type: "string", default: "" }),
  );
  const png = () =>
    new File([new Uint8Array([1, 2, 3])], "cat.png", { type: "image/png" });

  it("accepts what the field names and uploads on Send, the FileRef at the top level", async () => {
    const { onSend, upload, sendButton } = renderForm(spec);
    const input = screen.getByLabelText("image");
    expect(input).toHaveAttribute("accept", "image/*");
    await userEvent.upload(input, png());
    await userEvent.click(sendButton());
    await waitFor(() => expect(onSend).toHaveBeenCalled());
    expect(upload).toHaveBeenCalledWith(
      expect.objectContaining({ name: "cat.png" }),
    );
    const [, data] = onSend.mock.calls[0]!;
    expect(data.image).toBeInstanceOf(FakeFileRef);
    expect(data.image.uploadId).toBe("u1");
    expect(data.caption).toBe("");
  });

  it("is busy while uploading", async () => {
    let finish!: (ref: FileRef) => void;
    const { upload, sendButton, onSend } = renderForm(spec);
    upload.mockImplementationOnce(
      () => new Promise((resolve) => (finish = resolve)),
    );
    await userEvent.upload(screen.getByLabelText("image"), png());
    await userEvent.click(sendButton());
    expect(await screen.findByText("Uploading cat.png…")).toBeInTheDocument();
    expect(sendButton()).toBeDisabled();
    finish(
      new FakeFileRef("u2", "cat.png", "image/png", 3) as unknown as FileRef,
    );
    await waitFor(() => expect(onSend).toHaveBeenCalled());
    expect(screen.queryByText("Uploading cat.png…")).not.toBeInTheDocument();
  });

  it("says what failed and sends nothing when the upload fails", async () => {
    const { upload, sendButton, onSend } = renderForm(spec);
    upload.mockRejectedValueOnce(
      new Error("File upload failed: 503 Service Unavailable"),
    );
    await userEvent.upload(screen.getByLabelText("image"), png());
    await userEvent.click(sendButton());
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Could not upload cat.png: File upload failed: 503 Service Unavailable. Check the connection and send again",
    );
    expect(onSend).not.toHaveBeenCalled();
    expect(sendButton()).toBeEnabled();
  });

  it("checks the size before uploading", async () => {
    const { upload, sendButton } = renderForm(spec);
    const big = png();
    Object.defineProperty(big, "size", { value: 80 * 1024 * 1024 });
    await userEvent.upload(screen.getByLabelText("image"), big);
    expect(screen.getByLabelText("image")).toHaveAccessibleDescription(
      "This file is 80 MB; the limit is 50 MB. Choose a smaller one",
    );
    expect(sendButton()).toBeDisabled();
    expect(upload).not.toHaveBeenCalled();
  });
});
