import { afterEach } from "vitest";
import { ClipPlayer } from "@/emulator/media/clip-player";
import type { ClipLibrary } from "@/emulator/media/clips";
import { InboundTracks } from "@/emulator/media/inbound-tracks";
import type { IvfClip } from "@/emulator/media/ivf";
import { ModelHost, type Envelope } from "@/emulator/model/model-host";
import { profileFor } from "@/emulator/model/profiles/registry";
import { DEFAULT_SCENARIO, type Scenario } from "@/emulator/scenario";
import type { UploadRecord } from "@/emulator/sessions/session";

// A session's model without WebRTC: a real ClipPlayer over tiny synthetic
// clips (named like the committed ones) and a host whose replies land in `sent`.

const clip = (id: number): IvfClip => ({
  codec: "VP80",
  width: 640,
  height: 360,
  fps: 30,
  frames: Array.from({ length: 30 }, (_, i) => ({
    data: Buffer.from([i === 0 ? 0 : 1, id, i]),
    keyframe: i === 0,
  })),
});
const clips: ClipLibrary = {
  names: ["testsrc", "mandelbrot", "night"],
  get: (name) =>
    ({ testsrc: clip(1), mandelbrot: clip(2), night: clip(3) })[name],
};

const players: ClipPlayer[] = [];
afterEach(() => players.splice(0).forEach((player) => player.stop()));

export function hostFor(model: string, scenario: Partial<Scenario> = {}) {
  const player = new ClipPlayer(clips);
  players.push(player);
  const uploads: UploadRecord[] = [];
  const inbound = new InboundTracks();
  const current = { ...DEFAULT_SCENARIO, ...scenario };
  const host = new ModelHost(profileFor(model), {
    player,
    inbound,
    uploads,
    scenario: () => current,
  });
  const sent: Envelope[] = [];
  host.attach((envelope) => sent.push(envelope));
  const of = (type: string) =>
    sent.filter((envelope) => envelope.data.type === type);
  return {
    host,
    player,
    inbound,
    uploads,
    sent,
    scenario: current,
    /** Data of every message of this type, in order. */
    messages: (type: string) =>
      of(type).map((envelope) => envelope.data.data as Record<string, unknown>),
    /** Sends an application command as a client would. */
    command: (name: string, data: unknown = {}, files?: unknown) =>
      host.handleCommand(name, data, files),
    addUpload(id: string, image: UploadRecord["image"]): void {
      uploads.push({
        id,
        name: "a.png",
        size: 100,
        mimeType: "image/png",
        receivedBytes: 100,
        notified: true,
        image,
      });
    },
  };
}

export const uploadRef = (id: string) => ({
  image: { upload_id: id, name: "a.png", mime_type: "image/png", size: 100 },
});
