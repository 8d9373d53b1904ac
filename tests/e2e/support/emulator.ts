import { servers } from "./servers";

/** The emulator's admin API (`/_emulator/*`), as the e2e tests use it. */
export interface EmulatorSession {
  id: string;
  model: string;
  state: string;
  scene: string;
  closeReason?: string;
  framesSent: number;
  uploads: { id: string; name: string; size: number }[];
  /** Application commands the model accepted, in order. */
  events: { name: string; at: number }[];
  /** Commands its schema check dropped, without a word to the client. */
  rejected: { name: string; why: string }[];
  modelState: Record<string, unknown>;
  connected: boolean;
  offers: number;
  /** Time spent ACTIVE: what Reactor bills. */
  readyMs: number;
}

export interface EmulatorState {
  sessions: EmulatorSession[];
  counts: { created: number; active: number };
  tokens: { minted: number };
}

async function admin(method: string, path: string, body?: unknown) {
  const response = await fetch(`${servers.emulatorUrl}/_emulator/${path}`, {
    method,
    headers: body ? { "Content-Type": "application/json" } : undefined,
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) {
    throw new Error(`emulator ${method} ${path}: ${response.status}`);
  }
  return response.json().catch(() => undefined);
}

export const emulator = {
  state: () => admin("GET", "state") as Promise<EmulatorState>,
  reset: () => admin("POST", "reset"),
  scenario: (scenario: Record<string, unknown>) =>
    admin("PUT", "scenario", scenario),
  expireTokens: () => admin("POST", "expire-tokens"),
};
