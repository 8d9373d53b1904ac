// @vitest-environment node
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import {
  IceServersResponseSchema,
  WebRTCSdpAnswerResponseSchema,
} from "@test/emulator/support/sdk-schemas";
import {
  startTestEmulator,
  transportHeaders,
} from "@test/emulator/support/emulator";
import { offerFromClient, pollAnswer } from "@/scripts/doctor/webrtc-client";

async function readySession(
  options: Parameters<typeof startTestEmulator>[0] = {},
) {
  const emulator = await startTestEmulator(options);
  const { jwt } = await emulator.api.mint();
  const id = (await emulator.api.createSession(jwt)).json.session_id as string;
  await emulator.api.waitReady(jwt, id);
  return { ...emulator, jwt, id, base: `/sessions/${id}/transport/webrtc` };
}

const offerBody = (sdp: string, trackMapping: unknown[]) => ({
  sdp_offer: sdp,
  client_info: { sdk_version: "2.9.0", sdk_type: "js" },
  track_mapping: trackMapping,
});

test("ice_servers is an empty list the SDK accepts", async () => {
  const { api, jwt, base } = await readySession();
  const response = await api.request("GET", `${base}/ice_servers`, {
    headers: transportHeaders(jwt),
  });
  expect(response.status).toBe(200);
  expect(IceServersResponseSchema.parse(response.json)).toEqual({
    ice_servers: [],
  });
});

test("an offer is answered with exactly 202, then GET gives 200 {sdp_answer} with our candidates and 256 KiB SCTP messages", async () => {
  const { api, jwt, base, id } = await readySession();
  const client = await offerFromClient();
  try {
    const before = await api.request("GET", `${base}/sdp_params`, {
      headers: transportHeaders(jwt),
    });
    expect(before.status).toBe(409);
    const posted = await api.request("POST", `${base}/sdp_params`, {
      headers: transportHeaders(jwt),
      body: offerBody(client.sdp, client.trackMapping),
    });
    expect(posted.status).toBe(202);
    const sdp = await pollAnswer(api, jwt, id);
    WebRTCSdpAnswerResponseSchema.parse({ sdp_answer: sdp });
    expect(sdp).toMatch(/^v=0\r\n/);
    expect(sdp).toContain("a=candidate:");
    expect(sdp).toContain("a=max-message-size:262144");
    expect(sdp).toMatch(/a=rtpmap:\d+ VP8\/90000/i);
    // main_video is sent by us, webcam received.
    const sections = sdp.split("\r\nm=").slice(1);
    const video = sections.find((section) =>
      section.includes(`a=mid:${client.video!.mid}\r\n`),
    )!;
    const webcam = sections.find((section) =>
      section.includes(`a=mid:${client.webcam!.mid}\r\n`),
    )!;
    expect(video).toContain("a=sendonly");
    expect(webcam).toContain("a=recvonly");
    // POST again without PUT is a conflict; PUT (reconnect) replaces the peer.
    const second = await api.request("POST", `${base}/sdp_params`, {
      headers: transportHeaders(jwt),
      body: offerBody(client.sdp, client.trackMapping),
    });
    expect(second.status).toBe(409);
  } finally {
    await client.pc.close();
  }
});

test("PUT sdp_params (the SDK's reconnect) negotiates a new peer for the same session", async () => {
  const { api, jwt, base, id } = await readySession();
  const first = await offerFromClient();
  const second = await offerFromClient();
  try {
    await api.request("POST", `${base}/sdp_params`, {
      headers: transportHeaders(jwt),
      body: offerBody(first.sdp, first.trackMapping),
    });
    const firstAnswer = await pollAnswer(api, jwt, id);
    const put = await api.request("PUT", `${base}/sdp_params`, {
      headers: transportHeaders(jwt),
      body: offerBody(second.sdp, second.trackMapping),
    });
    expect(put.status).toBe(202);
    const secondAnswer = await pollAnswer(api, jwt, id);
    expect(secondAnswer).not.toBe(firstAnswer);
    expect((await api.state()).sessions[0].offers).toBe(2);
  } finally {
    await Promise.all([first.pc.close(), second.pc.close()]);
  }
});

test("sdpDelayMs holds the answer back: GET keeps answering 202 meanwhile", async () => {
  const { api, jwt, base, id } = await readySession({
    scenario: { sdpDelayMs: 300 },
  });
  const client = await offerFromClient();
  try {
    const started = Date.now();
    await api.request("POST", `${base}/sdp_params`, {
      headers: transportHeaders(jwt),
      body: offerBody(client.sdp, client.trackMapping),
    });
    const early = await api.request("GET", `${base}/sdp_params`, {
      headers: transportHeaders(jwt),
    });
    expect(early.status).toBe(202);
    await pollAnswer(api, jwt, id);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  } finally {
    await client.pc.close();
  }
});

test("offers before the session is ready, malformed bodies and unparsable SDP are refused", async () => {
  const emulator = await startTestEmulator({
    scenario: { gpuDelayMs: 10_000 },
  });
  const { jwt } = await emulator.api.mint();
  const id = (await emulator.api.createSession(jwt)).json.session_id;
  const base = `/sessions/${id}/transport/webrtc`;
  const early = await emulator.api.request("POST", `${base}/sdp_params`, {
    headers: transportHeaders(jwt),
    body: offerBody("v=0\r\n", []),
  });
  expect(early.status).toBe(409);
  expect(early.json.error).toMatch(/PENDING/);

  const ready = await readySession();
  const malformed = await ready.api.request(
    "POST",
    `${ready.base}/sdp_params`,
    {
      headers: transportHeaders(ready.jwt),
      body: { sdp_offer: "v=0", track_mapping: [{ mid: "0" }] },
    },
  );
  expect(malformed.status).toBe(400);
  const garbage = await ready.api.request("POST", `${ready.base}/sdp_params`, {
    headers: transportHeaders(ready.jwt),
    body: offerBody("this is not SDP", []),
  });
  expect(garbage.status).toBe(400);
  expect(garbage.json.error).toMatch(/SDP offer/);
});

test("a real Chromium 156 offer (PTs < 96, AV1/VP9/H.264, telephone-event, mDNS) plus H.265 is answered with VP8", async () => {
  const { api, jwt, base, id } = await readySession();
  // Captured from Debian's Chromium 156: data channel, main_video recvonly, webcam sendonly and an
  // unmapped audio m-line; H.265 is spliced in because this build does not offer it.
  const chromium = readFileSync(
    new URL("../support/chromium-156-offer.sdp", import.meta.url),
    "utf8",
  )
    // Stored with LF like every text file here; SDP wants CRLF.
    .replace(/\r?\n/g, "\r\n")
    .replace(/^(m=video 9 UDP\/TLS\/RTP\/SAVPF 96 .*)$/m, "$1 50")
    .replace(
      "a=rtpmap:49 flexfec-03/90000\r\n",
      "a=rtpmap:49 flexfec-03/90000\r\na=rtpmap:50 H265/90000\r\n",
    );
  expect(chromium).toContain("H265/90000");
  expect(chromium).toContain("telephone-event");
  expect(chromium).toMatch(/\.local \d+ typ host/);
  const mapping = [
    { mid: "0", name: "main_video", kind: "video", direction: "recvonly" },
    { mid: "1", name: "webcam", kind: "video", direction: "sendonly" },
  ];
  const posted = await api.request("POST", `${base}/sdp_params`, {
    headers: transportHeaders(jwt),
    body: offerBody(chromium, mapping),
  });
  expect(posted.status).toBe(202);
  const sdp = await pollAnswer(api, jwt, id);
  const sections = sdp.split("\r\nm=").slice(1);
  const [video, webcam, audio, data] = sections;
  expect(video).toMatch(/^video /);
  expect(video).toContain("a=mid:0");
  expect(video).toContain("a=sendonly");
  expect(video).toContain("a=rtpmap:96 VP8/90000");
  expect(video).not.toMatch(/H265|H264|VP9|AV1/);
  expect(webcam).toContain("a=mid:1");
  expect(webcam).toContain("a=recvonly");
  expect(audio).toContain("a=mid:2");
  expect(audio).toMatch(/a=inactive|^audio 0 /);
  expect(data).toMatch(/^application /);
  expect(data).toContain("a=max-message-size:262144");
});
