// @vitest-environment node
import { expect, test } from "vitest";
import { SessionResponseSchema } from "@test/emulator/support/sdk-schemas";
import { startTestEmulator } from "@test/emulator/support/emulator";
import { offerFromClient, pollAnswer } from "@/scripts/doctor/webrtc-client";

// SDK local mode: no auth, version headers only, the full body at once.
const localHeaders = {
  "Reactor-API-Version": "1",
  "Reactor-API-Accept-Version": "1",
};

test("start_session returns the full session body (capabilities included) without auth", async () => {
  const { api } = await startTestEmulator();
  const response = await api.request("POST", "/start_session", {
    headers: localHeaders,
    body: {},
  });
  expect(response.status).toBe(200);
  const body = SessionResponseSchema.parse(response.json);
  expect(body.state).toBe("ACTIVE");
  expect(body.selected_transport).toEqual({
    protocol: "webrtc",
    version: "1.0",
  });
  expect(body.capabilities?.tracks.map((track) => track.name)).toEqual([
    "main_video",
    "webcam",
  ]);
});

test("a GPU delay delays the start_session answer itself", async () => {
  const { api } = await startTestEmulator({ scenario: { gpuDelayMs: 150 } });
  const started = Date.now();
  const response = await api.request("POST", "/start_session", {
    headers: localHeaders,
    body: {},
  });
  expect(response.status).toBe(200);
  expect(Date.now() - started).toBeGreaterThanOrEqual(140);
});

test("transport works with `Bearer local`; a new start_session replaces the old one; stop_session ends it", async () => {
  const { api } = await startTestEmulator();
  const first = (
    await api.request("POST", "/start_session", {
      headers: localHeaders,
      body: {},
    })
  ).json.session_id;
  const second = (
    await api.request("POST", "/start_session", {
      headers: localHeaders,
      body: {},
    })
  ).json.session_id;
  const client = await offerFromClient();
  try {
    const posted = await api.request(
      "POST",
      `/sessions/${second}/transport/webrtc/sdp_params`,
      {
        headers: {
          Authorization: "Bearer local",
          "Reactor-WebRTC-Version": "1.0",
        },
        body: { sdp_offer: client.sdp, track_mapping: client.trackMapping },
      },
    );
    expect(posted.status).toBe(202);
    expect(await pollAnswer(api, "local", second)).toMatch(/^v=0/);
    const slot = await api.request("POST", `/sessions/${second}/uploads`, {
      headers: localHeaders,
      body: { name: "x.txt", size: 1, mime_type: "text/plain" },
    });
    expect(slot.status).toBe(201);
  } finally {
    await client.pc.close();
  }
  const stopped = await api.request("POST", "/stop_session", {
    headers: localHeaders,
  });
  expect(stopped.status).toBe(200);
  const { sessions, counts } = await api.state();
  expect(counts.active).toBe(0);
  expect(
    sessions.map((session: { id: string; closeReason: string }) => [
      session.id,
      session.closeReason,
    ]),
  ).toEqual([
    [first, "replaced_by_start_session"],
    [second, "stop_session"],
  ]);
});
