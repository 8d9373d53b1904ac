"use client";

import { useReactor } from "@reactor-team/js-sdk";
import type { RefObject } from "react";
import { ModelControls } from "@/components/controls/model-controls";
import { useModelInterface } from "@/components/use-model-interface";

/** The model's generated controls, started afresh for each session. */
export function ControlsPanel({
  stageRef,
}: {
  stageRef: RefObject<HTMLElement | null>;
}) {
  const { model } = useModelInterface();
  const sessionId = useReactor((s) => s.sessionId);
  return (
    <ModelControls key={sessionId ?? ""} model={model} stageRef={stageRef} />
  );
}
