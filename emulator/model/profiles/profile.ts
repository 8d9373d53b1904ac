import type { ClipPlayer } from "../../media/clip-player";
import type { InboundTracks } from "../../media/inbound-tracks";
import type { UploadRecord } from "../../sessions/session";
import type { OpenApiDocument } from "../openapi";

// What a model profile is: its schema document and its behaviour. A profile
// is one file registered in ./registry.ts; the host (../model-host.ts)
// handles the wire, the schema check and the bookkeeping, so a profile only
// says what an accepted command does to its state and the stream.

export interface ProfileContext {
  /** The session's clip player: the profile's "generator". */
  readonly player: ClipPlayer;
  /** What the client publishes (camera, microphone); `relay(name)` shows a video input on the outputs. */
  readonly inbound: InboundTracks;
  /** Sends an application-scope model message `{type, data}`. */
  emit(type: string, data: Record<string, unknown>): void;
  /** An upload this session received (`image` is read from the bytes, null when not an image). */
  upload(id: string): UploadRecord | undefined;
}

export interface ModelBehaviour {
  /** An accepted command: the schema check passed and defaults are filled in. */
  handle(command: string, args: Record<string, unknown>): void;
  /** Body of the `state` message sent after each command and about once a second. */
  state(): Record<string, unknown>;
  /** About once a second while a client is attached: chunk progress, scheduled changes. */
  tick?(): void;
}

export interface ModelProfile {
  /** Short name shown in the admin state. */
  readonly id: string;
  /** The snapshot message's type: "state" (default) or e.g. "state_update". */
  readonly stateMessage?: string;
  schema(scenes: readonly string[]): OpenApiDocument;
  create(ctx: ProfileContext): ModelBehaviour;
}
