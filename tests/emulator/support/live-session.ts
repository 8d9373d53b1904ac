import { afterEach } from "vitest";
import {
  connectClient,
  type WebRtcClient,
} from "@/scripts/doctor/webrtc-client";
import { TEST_PATTERN_MODEL, type Api } from "./emulator";

const clients: WebRtcClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

/** `connectClient` (a werift peer signalling as SDK 2.9.0 does), closed after the test. */
export async function connect(
  ...args: Parameters<typeof connectClient>
): Promise<WebRtcClient> {
  const client = await connectClient(...args);
  clients.push(client);
  return client;
}

/** The SDK's way to a stream: mint, create a session, wait until it is ready, connect. */
export async function liveSession(api: Api, model = TEST_PATTERN_MODEL) {
  const { jwt } = await api.mint();
  const sessionId: string = (await api.createSession(jwt, model)).json
    .session_id;
  await api.waitReady(jwt, sessionId);
  return { jwt, sessionId, client: await connect(api, jwt, sessionId) };
}
