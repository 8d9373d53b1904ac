import { afterEach } from "vitest";
import { startEmulator, type EmulatorOptions } from "@/emulator/server";
import {
  createSessionBody as sessionBody,
  sdkHeaders,
} from "@/scripts/doctor/webrtc-client";

// Each test gets its own emulator on a free port, with silent logs (kept in
// `lines` for assertions) and reaper timings short enough to observe.

export const FAST_TIMINGS = {
  startupMs: 50,
  peerCloseDelayMs: 50,
  reapIntervalMs: 50,
  stateIntervalMs: 200,
};

const running: { close(): Promise<void> }[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
});

export async function startTestEmulator(options: EmulatorOptions = {}) {
  const lines: string[] = [];
  const emulator = await startEmulator({
    port: 0,
    log: (line) => lines.push(line),
    // werift skips loopback when gathering; a box without a LAN interface still connects.
    iceAdditionalHostAddresses: ["127.0.0.1"],
    ...options,
    timings: { ...FAST_TIMINGS, ...options.timings },
  });
  running.push(emulator);
  return { ...emulator, lines, api: apiClient(emulator.url) };
}

export type Api = ReturnType<typeof apiClient>;

// Tests read response fields freely; shapes are checked with support/sdk-schemas.ts where it matters.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export const API_KEY = "rk_test_key_123";

// One definition of what SDK 2.9.0 sends, shared with the doctor's client.
export { sdkHeaders, transportHeaders } from "@/scripts/doctor/webrtc-client";

/** Any model without a profile streams the test pattern at once (emulator/model/profiles/registry.ts). */
export const TEST_PATTERN_MODEL = "acme/test-pattern";

export const createSessionBody = (model = TEST_PATTERN_MODEL) =>
  sessionBody(model);

function apiClient(base: string) {
  const request = async (
    method: string,
    path: string,
    init: { headers?: Record<string, string>; body?: unknown } = {},
  ) => {
    const hasBody = init.body !== undefined;
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(hasBody ? { "Content-Type": "application/json" } : {}),
        ...init.headers,
      },
      body: hasBody ? JSON.stringify(init.body) : undefined,
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return {
      status: response.status,
      headers: response.headers,
      json: json as Json,
    };
  };

  const mint = async (body?: unknown, key = API_KEY) => {
    const response = await request("POST", "/tokens", {
      headers: { "Reactor-API-Key": key },
      body,
    });
    if (response.status !== 200)
      throw new Error(
        `mint failed: ${response.status} ${JSON.stringify(response.json)}`,
      );
    return response.json as { jwt: string; expires_at: number };
  };

  const createSession = async (jwt: string, model = TEST_PATTERN_MODEL) =>
    request("POST", "/sessions", {
      headers: sdkHeaders(jwt),
      body: createSessionBody(model),
    });

  /** Polls like the SDK until capabilities + selected_transport appear. */
  const waitReady = async (
    jwt: string,
    sessionId: string,
    timeoutMs = 5_000,
  ) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const response = await request("GET", `/sessions/${sessionId}`, {
        headers: sdkHeaders(jwt),
      });
      if (response.json?.capabilities && response.json?.selected_transport)
        return response.json;
      if (Date.now() > deadline)
        throw new Error(`session not ready: ${JSON.stringify(response.json)}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  const state = async () => (await request("GET", "/_emulator/state")).json;

  return { request, mint, createSession, waitReady, state };
}
