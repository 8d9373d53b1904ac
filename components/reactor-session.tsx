"use client";

// The only module that imports the SDK's provider. stream-app.tsx loads it
// as a separate chunk on idle or intent (load-reactor-session.ts), so the
// SDK (its size: README, "How it works") never delays first paint.
import "@/lib/zod-browser";
import { ReactorProvider } from "@reactor-team/js-sdk";
import { useRef, useState } from "react";
import { AudioToggle } from "@/components/audio-toggle";
import { ConnectionButtons } from "@/components/connection-buttons";
import { ConnectionStats } from "@/components/connection-stats";
import { DiagnosticsPanel } from "@/components/diagnostics-panel";
import { ErrorNotice } from "@/components/error-notice";
import { IdleNotice } from "@/components/idle-notice";
import { ModelPanels } from "@/components/model-panels";
import { PolicyNotices } from "@/components/policy-notices";
import { quietSdkConsole } from "@/components/sdk-compat";
import { SessionClock } from "@/components/session-clock";
import { OutputTrackPicker } from "@/components/output-track-picker";
import { StatusLine } from "@/components/status-line";
import {
  ModelInterfaceProvider,
  useModelInterface,
} from "@/components/use-model-interface";
import { useQueuedConnect } from "@/components/use-queued-connect";
import { useSessionPolicies } from "@/components/use-session-policies";
import {
  useSessionControls,
  type SessionPhase,
} from "@/components/use-session-controls";
import {
  useSessionTelemetry,
  type SessionTelemetry,
} from "@/components/use-session-telemetry";
import { VideoStage } from "@/components/video-stage";
import type { PublicConfig } from "@/lib/public-config";
import type { TokenCache } from "@/lib/token-cache";
import { buttonRow, panel, session } from "@/components/class-names";

quietSdkConsole();

/** Telemetry callbacks (onStatusChange, onError, onFirstFrame): README, "Telemetry". */
export interface ReactorSessionProps extends SessionTelemetry {
  config: PublicConfig;
  tokens: TokenCache;
  /** When Connect was pressed on the skeleton, before this chunk arrived (performance.now()). */
  connectRequestedAt?: number;
}
type Props = ReactorSessionProps;

export function ReactorSession({ config, tokens, ...rest }: Props) {
  // No jwtToken prop and no autoConnect: the token goes to connect() on a
  // click, so refreshing it never tears down a live session.
  return (
    <ReactorProvider modelName={config.model} apiUrl={config.apiUrl}>
      <ModelInterfaceProvider>
        <SessionLayout config={config} tokens={tokens} {...rest} />
      </ModelInterfaceProvider>
    </ReactorProvider>
  );
}

const PLACEHOLDERS: Partial<Record<SessionPhase, string>> = {
  disconnected: "Press Connect to start a session",
  preparing: "Getting a session token…",
  connecting: "Connecting…",
  waiting: "Waiting for a GPU…",
  interrupted: "Stream interrupted",
};

function SessionLayout({
  config,
  tokens,
  connectRequestedAt,
  ...callbacks
}: Props) {
  const sessionControls = useSessionControls(tokens, config.apiUrl);
  const { model } = useModelInterface();
  const stageRef = useRef<HTMLDivElement>(null);
  const { recorder, markConnect } = useSessionTelemetry({
    phase: sessionControls.phase,
    error: sessionControls.error,
    stageRef,
    callbacks,
  });
  // Time to first frame starts at the click, the skeleton's if it came first.
  const skeletonClickAt = useRef(connectRequestedAt);
  const timedControls = {
    ...sessionControls,
    connect: () => {
      markConnect(skeletonClickAt.current);
      skeletonClickAt.current = undefined;
      sessionControls.connect();
    },
    resume: () => {
      markConnect();
      sessionControls.resume();
    },
  };
  const policies = useSessionPolicies(timedControls, config);
  const { controls } = policies;
  // Through the policies, like a click: the tab lock still applies.
  useQueuedConnect(connectRequestedAt !== undefined, controls.connect);
  const outputs = (model?.tracks ?? []).filter(
    (t) => t.direction === "recvonly",
  );
  const videoOutputs = outputs
    .filter((t) => t.kind === "video")
    .map((t) => t.name);
  const audioTrack = outputs.find((t) => t.kind === "audio")?.name;
  const [picked, setPicked] = useState<string>();
  // Whatever the model calls its video: never assume `main_video`.
  const videoTrack =
    picked && videoOutputs.includes(picked) ? picked : videoOutputs[0];

  return (
    <div className={session}>
      <VideoStage
        stageRef={stageRef}
        placeholder={PLACEHOLDERS[controls.phase]}
        videoTrack={videoTrack}
        audioTrack={audioTrack}
        usingEmulator={config.usingEmulator}
        underway={controls.phase !== "disconnected"}
      />
      <OutputTrackPicker
        tracks={videoOutputs}
        selected={videoTrack}
        onSelect={setPicked}
      />
      <section className={panel} aria-label="Connection">
        <StatusLine phase={controls.phase} />
        {policies.deadline !== undefined && (
          <SessionClock deadline={policies.deadline} />
        )}
        {controls.error && <ErrorNotice error={controls.error} />}
        {policies.idleWarningEndsAt !== undefined && (
          <IdleNotice
            endsAt={policies.idleWarningEndsAt}
            onKeep={policies.keepWatching}
          />
        )}
        <PolicyNotices
          endReason={policies.endReason}
          otherTabLive={policies.otherTabLive}
          online={policies.online}
          config={config}
        />
        <div className={buttonRow}>
          <ConnectionButtons
            controls={controls}
            otherTabLive={policies.otherTabLive}
          />
          <AudioToggle
            stageRef={stageRef}
            active={controls.phase === "ready" && audioTrack !== undefined}
          />
        </div>
        <ConnectionStats timeToFirstFrameMs={recorder.timeToFirstFrameMs} />
        <DiagnosticsPanel config={config} recorder={recorder} />
      </section>
      <ModelPanels live={controls.phase === "ready"} stageRef={stageRef} />
    </div>
  );
}
