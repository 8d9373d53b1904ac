"use client";

import { useEffect, useRef } from "react";
import type { InputError } from "@/lib/media-input/input-errors";
import type { TrackSpec } from "@/lib/model-schema/types";
import { useInputPublisher } from "./use-input-publisher";

interface Props {
  track: TrackSpec;
}

/** A camera (video) or microphone (audio) for one `sendonly` track of the model. */
export function TrackInput({ track }: Props) {
  const { publisher, state, devices } = useInputPublisher(
    track.name,
    track.kind,
  );
  const device = track.kind === "video" ? "camera" : "microphone";
  const Device = track.kind === "video" ? "Camera" : "Microphone";
  const label = `${Device} for the model's "${track.name}" input`;

  return (
    <section className="panel track-input" aria-label={label}>
      <h2>
        {Device} <code>{track.name}</code>
        {state.phase === "live" && (
          <span className="live-indicator">
            {state.muted ? `${Device} muted` : `${Device} on`}
          </span>
        )}
      </h2>
      {state.phase !== "live" && (
        <p className="hint">
          The model reads your {device}. Your browser asks for permission when
          you turn it on; nothing is sent before.
        </p>
      )}
      {state.error && <InputErrorNotice error={state.error} />}
      {state.phase === "live" && track.kind === "video" && (
        <Preview stream={state.track} />
      )}
      <div className="buttons">
        {state.phase === "live" ? (
          <>
            <button
              type="button"
              className="button"
              onClick={() => publisher.setMuted(!state.muted)}
            >
              {state.muted ? "Unmute" : "Mute"}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => void publisher.stop()}
            >
              Turn off {device}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button primary"
            disabled={state.phase === "starting"}
            onClick={() => void publisher.start()}
          >
            {state.phase === "starting"
              ? "Waiting for permission…"
              : `Turn on ${device}`}
          </button>
        )}
        {state.phase === "live" && devices.length > 1 && (
          <label className="field-inline">
            {Device}
            <select
              value={state.deviceId ?? ""}
              onChange={(event) => void publisher.switchTo(event.target.value)}
            >
              {devices.map((d, i) => (
                <option key={d.deviceId} value={d.deviceId}>
                  {d.label || `${Device} ${i + 1}`}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
    </section>
  );
}

function InputErrorNotice({ error }: { error: InputError }) {
  return (
    <div className="error-notice" role="alert">
      <p className="error-title">{error.title}</p>
      <p className="error-next">{error.action}</p>
    </div>
  );
}

/** The local camera, mirrored like a selfie view; never the model's output. */
function Preview({ stream }: { stream: MediaStreamTrack }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    video.srcObject = new MediaStream([stream]);
    return () => {
      video.srcObject = null;
    };
  }, [stream]);
  return (
    <video
      ref={ref}
      className="input-preview"
      aria-label="Your camera (preview)"
      autoPlay
      muted
      playsInline
    />
  );
}
