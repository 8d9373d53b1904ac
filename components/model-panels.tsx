"use client";

import { useDeferredValue, useMemo, type RefObject } from "react";
import { ControlsPanel } from "@/components/controls/controls-panel";
import { ModelInputs } from "@/components/inputs/model-inputs";
import { ModelInterfaceStatus } from "@/components/model-interface-status";
import {
  ModelInterfaceScope,
  useModelInterface,
} from "@/components/use-model-interface";
import type { TrackSpec } from "@/lib/model-schema/types";

const NO_TRACKS: readonly TrackSpec[] = [];

interface Props {
  /** The session is ready: the model's inputs exist only then. */
  live: boolean;
  stageRef: RefObject<HTMLElement | null>;
}

/**
 * What the model's interface drives below the stage: its camera and
 * microphone inputs, where its controls came from, and the controls. They
 * follow the session one render behind (useDeferredValue). When it becomes
 * ready, the status and the stage commit first and these panels (about 80
 * elements) render afterwards, in a render that yields, so the first video
 * frame does not wait behind them (24 ms on the benchmark machine).
 */
export function ModelPanels({ live, stageRef }: Props) {
  const state = useDeferredValue(useModelInterface());
  // Late to start, never late to stop: leaving releases the devices at once.
  const inputsLive = useDeferredValue(live) && live;
  // The same element while the deferred values stand: React skips the
  // panels in the urgent render.
  return useMemo(
    () => (
      <ModelInterfaceScope value={state}>
        <ModelInputs
          tracks={state.model?.tracks ?? NO_TRACKS}
          live={inputsLive}
        />
        <ModelInterfaceStatus />
        <ControlsPanel stageRef={stageRef} />
      </ModelInterfaceScope>
    ),
    [state, inputsLive, stageRef],
  );
}
