"use client";

import { useEffect, useRef } from "react";
import type { InputError } from "@/lib/media-input/input-errors";
import type { TrackSpec } from "@/lib/model-schema/types";
import { useInputPublisher } from "./use-input-publisher";
import {
  button,
  buttonRow,
  errorNotice,
  formControl,
  panel,
  panelHeading,
  primaryButton,
} from "@/components/class-names";

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
    <section className={panel} aria-label={label}>
      <h2 className={panelHeading}>
        {Device} <code>{track.name}</code>
        {state.phase === "live" && (
          <span className="ml-3 text-note font-semibold text-live before:content-['●_']">
            {state.muted ? `${Device} muted` : `${Device} on`}
          </span>
        )}
      </h2>
      {state.phase !== "live" && (
        <p className="mt-1 mb-2 opacity-80">
          The model reads your {device}. Your browser asks for permission when
          you turn it on; nothing is sent before.
        </p>
      )}
      {state.error && <InputErrorNotice error={state.error} />}
      {state.phase === "live" && track.kind === "video" && (
        <Preview stream={state.track} />
      )}
      <div className={buttonRow}>
        {state.phase === "live" ? (
          <>
            <button
              type="button"
              className={button}
              onClick={() => publisher.setMuted(!state.muted)}
            >
              {state.muted ? "Unmute" : "Mute"}
            </button>
            <button
              type="button"
              className={button}
              onClick={() => void publisher.stop()}
            >
              Turn off {device}
            </button>
          </>
        ) : (
          <button
            type="button"
            className={primaryButton}
            disabled={state.phase === "starting"}
            onClick={() => void publisher.start()}
          >
            {state.phase === "starting"
              ? "Waiting for permission…"
              : `Turn on ${device}`}
          </button>
        )}
        {state.phase === "live" && devices.length > 1 && (
          <label className="inline-flex items-center gap-2">
            {Device}
            <select
              className={formControl}
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
    <div className={errorNotice} role="alert">
      <p className="font-semibold">{error.title}</p>
      <p>{error.action}</p>
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
      className="my-2 block aspect-[4/3] w-full max-w-60 -scale-x-100 rounded-md bg-black"
      aria-label="Your camera (preview)"
      autoPlay
      muted
      playsInline
    />
  );
}
