import type { RTCIceServer } from "werift";
import { describeFailure } from "./checks/network";
import { httpApi } from "./http-api";
import { check, type CheckResult } from "./result";
import {
  connectClient,
  createSessionBody,
  framesFrom,
  sdkHeaders,
  transportHeaders,
  type TrackCapability,
  type WebRtcClient,
} from "./webrtc-client";

/*
 * `npm run doctor -- --live`: one real session end to end, the way SDK 2.9.0
 * makes it (scripts/doctor/webrtc-client.ts), to settle from the command line
 * what no emulator can: whether the service in front of your key serves a
 * 2.9.0 client media, and what the model says about itself.
 *
 * The packets verdict, decided once here: a model that streams on connect
 * must deliver RTP within the window, or the check fails. Some models
 * (reactor/helios) send nothing until they get commands. When no frames came
 * but the model answered on the data channel, that is reported as a warning
 * ("waits for commands"), not a failure: the live check sends no model
 * commands, because which ones start a stream differs per model.
 */

export interface LiveOptions {
  apiUrl: string;
  model: string;
  jwt: string;
  /** How long to count video packets once connected. */
  seconds: number;
  /** Progress lines while it runs (waiting for a GPU can take a while). */
  progress(line: string): void;
  /** Each result as soon as it is known. */
  record(result: CheckResult): void;
}

/** SDK 2.9.0 gives up polling for a GPU after about this long. */
const READY_TIMEOUT_MS = 150_000;
const SCHEMA_ATTEMPTS = 5;
const SCHEMA_INTERVAL_MS = 1_000;

interface SessionBody {
  session_id?: string;
  state?: string;
  capabilities?: { tracks?: TrackCapability[] };
  selected_transport?: { protocol?: string };
}

export async function runLive(options: LiveOptions): Promise<void> {
  const api = httpApi(options.apiUrl);
  const session = check("live-session", "Live: create a session", true);

  const created = await api
    .request("POST", "/sessions", {
      headers: sdkHeaders(options.jwt),
      body: createSessionBody(options.model),
    })
    .catch((error: unknown) => ({ status: 0, json: describeFailure(error) }));
  const sessionId = (created.json as SessionBody | undefined)?.session_id;
  if (created.status < 200 || created.status >= 300 || !sessionId) {
    options.record(
      session.fail({
        detail: `POST /sessions answered ${created.status === 0 ? created.json : `HTTP ${created.status}`}`,
        next: sessionAdvice(created.status),
        data: { status: created.status },
      }),
    );
    return;
  }
  const createdAt = Date.now();
  options.record(
    session.pass({ detail: `session ${sessionId}`, data: { sessionId } }),
  );

  let readyAt: number | undefined;
  let client: WebRtcClient | undefined;
  try {
    const ready = await waitReady(options, api, sessionId);
    const readyCheck = check("live-ready", "Live: GPU assigned", true);
    if (!ready.ok) {
      options.record(
        readyCheck.fail({ detail: ready.detail, next: ready.next }),
      );
      return;
    }
    readyAt = Date.now();
    options.record(
      readyCheck.pass({
        detail: `ready after ${((readyAt - createdAt) / 1000).toFixed(1)} s`,
        data: { ms: readyAt - createdAt },
      }),
    );

    const webrtc = check(
      "live-webrtc",
      "Live: WebRTC (SDK 2.9.0 signalling)",
      true,
    );
    const connectStarted = Date.now();
    try {
      client = await connectClient(api, options.jwt, sessionId, {
        tracks: ready.tracks,
        iceServers: await iceServers(api, options.jwt, sessionId),
        // 2.9.0 polls the answer for ~6 s by default; allow a little more.
        answerTimeoutMs: 12_000,
        connectTimeoutMs: 15_000,
      });
    } catch (error) {
      options.record(
        webrtc.fail({
          detail: error instanceof Error ? error.message : String(error),
          next: "UDP may be blocked (VPN, corporate firewall): try another network. If it persists, send this output to Reactor support.",
        }),
      );
      return;
    }
    options.record(
      webrtc.pass({
        detail: `peer connected and data channel open in ${Date.now() - connectStarted} ms (tracks: ${ready.tracks.map((t) => `${t.name} ${t.direction}`).join(", ")})`,
        data: { ms: Date.now() - connectStarted },
      }),
    );

    options.progress(`  … counting video packets for ${options.seconds} s`);
    const schema = requestSchema(client);
    await sleep(options.seconds * 1000);
    const schemaDocument = await schema;
    options.record(mediaResult(client, options.seconds, schemaDocument));
    options.record(schemaResult(client, schemaDocument));
  } finally {
    await client?.close().catch(() => undefined);
    options.record(await endSession(api, options.jwt, sessionId, readyAt));
  }
  return;
}

async function waitReady(
  options: LiveOptions,
  api: ReturnType<typeof httpApi>,
  sessionId: string,
): Promise<
  | { ok: true; tracks: TrackCapability[] }
  | { ok: false; detail: string; next: string }
> {
  const started = Date.now();
  let lastReport = started;
  for (let delay = 200; ; delay = Math.min(delay * 2, 2_000)) {
    const response = await api.request("GET", `/sessions/${sessionId}`, {
      headers: sdkHeaders(options.jwt),
    });
    const body = response.json as SessionBody | undefined;
    if (response.status < 200 || response.status >= 300) {
      return {
        ok: false,
        detail: `GET /sessions/${sessionId} answered HTTP ${response.status}`,
        next: sessionAdvice(response.status),
      };
    }
    if (body?.state === "CLOSED" || body?.state === "INACTIVE") {
      return {
        ok: false,
        detail: `the session ended (${body.state}) before a GPU was assigned`,
        next: "Try again in a minute; the model may be restarting.",
      };
    }
    if (body?.capabilities && body.selected_transport) {
      return { ok: true, tracks: body.capabilities.tracks ?? [] };
    }
    if (Date.now() - started > READY_TIMEOUT_MS) {
      return {
        ok: false,
        detail: `no GPU within ${READY_TIMEOUT_MS / 1000} s (state ${body?.state ?? "unknown"})`,
        next: "The model is busy or unavailable. Try again later.",
      };
    }
    if (Date.now() - lastReport > 5_000) {
      lastReport = Date.now();
      options.progress(
        `  … waiting for a GPU (${Math.round((lastReport - started) / 1000)} s, state ${body?.state ?? "?"})`,
      );
    }
    await sleep(delay);
  }
}

async function iceServers(
  api: ReturnType<typeof httpApi>,
  jwt: string,
  sessionId: string,
): Promise<RTCIceServer[]> {
  const response = await api.request(
    "GET",
    `/sessions/${sessionId}/transport/webrtc/ice_servers`,
    { headers: transportHeaders(jwt) },
  );
  if (response.status < 200 || response.status >= 300) {
    throw new Error(`ice_servers answered HTTP ${response.status}`);
  }
  const servers =
    (
      response.json as {
        ice_servers?: {
          uris: string[];
          credentials?: { username: string; password: string };
        }[];
      }
    )?.ice_servers ?? [];
  // Mapped as SDK 2.9.0 maps them.
  return servers.map((server) => ({
    urls: server.uris[0] ?? "",
    username: server.credentials?.username,
    credential: server.credentials?.password,
  }));
}

type Schema = {
  paths?: Record<string, unknown>;
  webhooks?: Record<string, unknown>;
};

/** 2.9.0 never asks for the schema; runtimes drop requests made before the model loads, so retry. */
async function requestSchema(
  client: WebRtcClient,
): Promise<Schema | undefined> {
  const isSchema = (m: WebRtcClient["messages"][number]) =>
    m.scope === "runtime" && m.data?.type === "modelSchema";
  for (let attempt = 0; attempt < SCHEMA_ATTEMPTS; attempt++) {
    client.send("runtime", "requestSchema", {});
    const reply = await client
      .waitForMessage(isSchema, SCHEMA_INTERVAL_MS)
      .catch(() => undefined);
    if (reply) return (reply.data.data ?? {}) as Schema;
  }
  return undefined;
}

/** Operation names: `operationId`, else the last path segment. */
function eventNames(schema: Schema | undefined): string[] {
  return Object.entries(schema?.paths ?? {}).map(([path, item]) => {
    const id = (item as { post?: { operationId?: unknown } })?.post
      ?.operationId;
    return typeof id === "string" ? id : (path.split("/").pop() ?? path);
  });
}

function receivedTypes(client: WebRtcClient): string[] {
  const counts = new Map<string, number>();
  for (const message of client.messages) {
    if (message.scope !== "application") continue;
    const type = String(message.data?.type ?? "(untyped)");
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  return [...counts].map(([type, n]) => (n > 1 ? `${type} ×${n}` : type));
}

function mediaResult(
  client: WebRtcClient,
  seconds: number,
  schema: Schema | undefined,
): CheckResult {
  const media = check("live-media", "Live: video packets", true);
  const packets = client.packets.length;
  const frames = framesFrom(client.packets);
  const data = {
    packets,
    frames: frames.length,
    keyframes: frames.filter((frame) => frame.keyframe).length,
    seconds,
  };
  if (packets > 0) {
    return media.pass({
      detail: `${packets} RTP packets (${data.frames} frames, ${data.keyframes} keyframes) in ${seconds} s: the service streams to an SDK 2.9.0 client`,
      data,
    });
  }
  const events = eventNames(schema);
  const heard = receivedTypes(client);
  if (schema || heard.length > 0) {
    return media.warn({
      detail: `0 packets: this model waits for commands before it streams (events: ${events.join(", ") || "none declared"}; it sent: ${heard.join(", ") || "nothing"}). Whether it streams to SDK 2.9.0 is not settled by this run.`,
      next: "Press Connect in the app and send the model's start command; or set REACTOR_MODEL to a model that streams on connect and run this again.",
      data,
    });
  }
  return media.fail({
    detail: `0 packets in ${seconds} s and no data-channel message from the model`,
    next: 'The service may not send media to SDK 2.9.0 clients (see README, "Troubleshooting"). Send this output to Reactor support.',
    data,
  });
}

function schemaResult(
  client: WebRtcClient,
  schema: Schema | undefined,
): CheckResult {
  const result = check("live-schema", "Live: model schema and events", false);
  const heard = receivedTypes(client);
  if (!schema) {
    return result.warn({
      detail: `no modelSchema reply to ${SCHEMA_ATTEMPTS} requestSchema messages; the model sent: ${heard.join(", ") || "nothing"}`,
      next: "The app then offers only raw commands for this model; nothing to fix on your side.",
      data: { received: heard },
    });
  }
  const events = eventNames(schema);
  const messages = Object.keys(schema.webhooks ?? {});
  return result.pass({
    detail: `accepts ${events.join(", ") || "no events"}; sends ${messages.join(", ") || "no declared messages"}; received ${heard.join(", ") || "nothing"}`,
    data: { events, messages, received: heard },
  });
}

async function endSession(
  api: ReturnType<typeof httpApi>,
  jwt: string,
  sessionId: string,
  readyAt: number | undefined,
): Promise<CheckResult> {
  const result = check("live-billed", "Live: session ended", true);
  const response = await api
    .request("DELETE", `/sessions/${sessionId}`, { headers: sdkHeaders(jwt) })
    .catch(() => ({ status: 0, json: undefined }));
  const endedAt = Date.now();
  // 2.9.0 treats 404 as already gone.
  if (
    !(response.status >= 200 && response.status < 300) &&
    response.status !== 404
  ) {
    return result.fail({
      detail: `DELETE /sessions/${sessionId} answered ${response.status === 0 ? "nothing (network error)" : `HTTP ${response.status}`}: the session may still be running and billed`,
      next: "Reactor ends it by itself within minutes (at most 20). Check your dashboard.",
    });
  }
  if (readyAt === undefined) {
    return result.pass({
      detail: "deleted before a GPU was assigned: 0 s billed",
      data: { billedSeconds: 0 },
    });
  }
  const billedSeconds = Math.round((endedAt - readyAt) / 100) / 10;
  return result.pass({
    detail: `deleted; ready for ${billedSeconds} s (measured here, from the GPU being assigned to the DELETE answer: the seconds billed)`,
    data: { billedSeconds },
  });
}

function sessionAdvice(status: number): string {
  if (status === 401)
    return "The token was rejected: check REACTOR_API_URL matches the environment of your key.";
  if (status === 403)
    return "The token may not start this model: check REACTOR_MODEL and your key's access in the dashboard.";
  if (status === 429)
    return "No capacity or too many sessions (5 per account): close other sessions and wait a minute.";
  if (status === 426 || status === 501)
    return "The service no longer accepts SDK 2.9.0's API version: upgrade @reactor-team/js-sdk.";
  if (status === 0)
    return "Check the network path to REACTOR_API_URL (see the HTTP check).";
  return "Try again; if it persists, send this output to Reactor support.";
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
