import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ConnectionButtons } from "@/components/connection-buttons";
import type { SessionControls } from "@/components/use-session-controls";
import { warmMediaStyles } from "@/lib/warm-media-styles";

vi.mock("@/lib/warm-media-styles", () => ({ warmMediaStyles: vi.fn() }));

const controls = (phase: SessionControls["phase"]): SessionControls => ({
  phase,
  error: undefined,
  connect: vi.fn(),
  disconnect: vi.fn(),
  resume: vi.fn(),
});

beforeEach(() => vi.mocked(warmMediaStyles).mockClear());

describe("ConnectionButtons: intent on Connect", () => {
  it("warms the media styles when pointed at, not before", async () => {
    render(<ConnectionButtons controls={controls("disconnected")} />);
    expect(warmMediaStyles).not.toHaveBeenCalled();
    await userEvent.hover(screen.getByRole("button", { name: "Connect" }));
    expect(warmMediaStyles).toHaveBeenCalled();
  });

  it("warms them on keyboard focus", () => {
    render(<ConnectionButtons controls={controls("disconnected")} />);
    act(() => screen.getByRole("button", { name: "Connect" }).focus());
    expect(warmMediaStyles).toHaveBeenCalled();
  });
});
