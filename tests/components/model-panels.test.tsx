import { render, screen } from "@testing-library/react";
import { useLayoutEffect, useMemo, useRef } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { resetFakeSdk } from "@test/support/fake-sdk";
import { ModelPanels } from "@/components/model-panels";
import {
  ModelInterfaceScope,
  type ModelInterfaceState,
} from "@/components/use-model-interface";
import type { ModelInterface } from "@/lib/model-schema/types";

vi.mock("@reactor-team/js-sdk", async () => {
  const { fakeSdkModule } = await import("@test/support/fake-sdk");
  return fakeSdkModule;
});

const CAMERA = `Camera for the model's "webcam" input`;
const MODEL: ModelInterface = {
  source: "session",
  events: [],
  messages: [],
  tracks: [{ name: "webcam", kind: "video", direction: "sendonly" }],
  problems: [],
};

type Commit = { live: boolean; camera: boolean };

/** Runs after each commit of the session's own (urgent) render. */
function Probe({ live, commits }: { live: boolean; commits: Commit[] }) {
  useLayoutEffect(() => {
    commits.push({
      live,
      camera:
        document.querySelector(`[aria-label="${CSS.escape(CAMERA)}"]`) !== null,
    });
  });
  return null;
}

function Session({ live, commits }: { live: boolean; commits: Commit[] }) {
  const stageRef = useRef<HTMLElement>(null);
  const state = useMemo(
    (): ModelInterfaceState => ({
      model: live ? MODEL : undefined,
      pending: false,
    }),
    [live],
  );
  return (
    <ModelInterfaceScope value={state}>
      <ModelPanels live={live} stageRef={stageRef} />
      <Probe live={live} commits={commits} />
    </ModelInterfaceScope>
  );
}

beforeEach(() => resetFakeSdk());

describe("ModelPanels", () => {
  it("renders after the session's own commit when it becomes ready", () => {
    const commits: Commit[] = [];
    const { rerender } = render(<Session live={false} commits={commits} />);
    rerender(<Session live commits={commits} />);
    // The ready commit went out without the panels; they followed.
    expect(commits.at(-1)).toEqual({ live: true, camera: false });
    expect(screen.getByRole("region", { name: CAMERA })).toBeInTheDocument();
  });

  it("drops the model's inputs in the same commit as the session ends", () => {
    const commits: Commit[] = [];
    const { rerender } = render(<Session live commits={commits} />);
    expect(screen.getByRole("region", { name: CAMERA })).toBeInTheDocument();
    rerender(<Session live={false} commits={commits} />);
    expect(commits.at(-1)).toEqual({ live: false, camera: false });
  });
});
