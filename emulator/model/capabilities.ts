import type { OpenApiDocument } from "./openapi";

// The `capabilities` of the polled session body. Today's runtimes send
// `commands: []` (the schema document on the data channel is where commands
// live), `protocol_version: "v0"`, and the schema's tracks turned into the
// client's point of view: `out` → `recvonly`, `in` → `sendonly`
// (docs/reactor-contract.md, "HTTP session capabilities"). SDK 2.9.0 builds
// its transceivers from these tracks.

const PROTOCOL_VERSION = "v0";
const EMISSION_FPS = 30;

export function buildCapabilities(schema: OpenApiDocument) {
  return {
    protocol_version: PROTOCOL_VERSION,
    tracks: schema["x-reactor"].tracks.map((track) => ({
      name: track.name,
      kind: track.kind,
      direction: track.direction === "out" ? "recvonly" : "sendonly",
    })),
    commands: [],
    emission_fps: EMISSION_FPS,
  };
}
