import { randomUUID } from "node:crypto";
import { ClipPlayer } from "../media/clip-player";
import type { ClipLibrary } from "../media/clips";
import { InboundTracks } from "../media/inbound-tracks";
import { ModelHost } from "../model/model-host";
import { profileFor } from "../model/profiles/registry";
import type { Timings } from "../options";
import type { ScenarioHolder } from "../scenario";
import type { Session, SessionOwner } from "./session";
import { Timers } from "./timers";

// A new session's record: its timeline (PENDING for the scenario's GPU wait,
// WAITING while the runtime starts, then ACTIVE; see ./session.ts), its hard
// cap, and the model it hosts, picked by name from the profile registry.

export interface CreateInput {
  model: string;
  mode: "cloud" | "local";
  owner: SessionOwner;
  maxSessions?: number | null;
  maxSessionSeconds?: number | null;
}

export function newSession(
  input: CreateInput,
  deps: { scenario: ScenarioHolder; clips: ClipLibrary; timings: Timings },
): Session {
  const { scenario, timings } = deps;
  const now = Date.now();
  const gpuReadyAt = now + scenario.current.gpuDelayMs;
  // Local mode answers start_session with the full body at once: no WAITING step.
  const readyAt = gpuReadyAt + (input.mode === "local" ? 0 : timings.startupMs);
  const capMs = Math.min(
    timings.maxSessionMs,
    (input.maxSessionSeconds ?? Infinity) * 1000,
  );
  const player = new ClipPlayer(deps.clips);
  const inbound = new InboundTracks();
  const uploads: Session["uploads"] = [];
  return {
    id: randomUUID(),
    model: input.model,
    mode: input.mode,
    owner: input.owner,
    createdAt: now,
    gpuReadyAt,
    readyAt,
    deadlineAt: now + capMs,
    player,
    inbound,
    host: new ModelHost(profileFor(input.model), {
      player,
      inbound,
      uploads,
      scenario: () => scenario.current,
    }),
    peerGeneration: 0,
    answer: { status: "none" },
    offers: 0,
    webcamPackets: 0,
    commands: 0,
    uploads,
    timers: new Timers(),
  };
}
