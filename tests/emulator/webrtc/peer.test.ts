// @vitest-environment node
import { RtpHeader, RtpPacket } from "werift";
import { expect, test } from "vitest";
import {
  startTestEmulator,
  transportHeaders,
} from "@test/emulator/support/emulator";
import { framesFrom } from "@/scripts/doctor/webrtc-client";
import { liveSession } from "@test/emulator/support/live-session";

// End to end over real WebRTC on loopback: a werift client signals through
// the emulator's HTTP endpoints exactly as SDK 2.9.0 does, connects, and
// receives VP8 over RTP and model replies over the data channel.

async function connectedSession() {
  const emulator = await startTestEmulator();
  return { emulator, ...(await liveSession(emulator.api)) };
}

const until = async (condition: () => boolean, timeoutMs = 5_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

test("a Node WebRTC client connects through the HTTP signalling and receives paced VP8 RTP", async () => {
  const { client } = await connectedSession();
  await until(() => framesFrom(client.packets).length >= 12);

  const frames = framesFrom(client.packets);
  expect(frames[0]!.keyframe).toBe(true);
  // One frame per 1/30 s on the 90 kHz clock, no gaps, no repeats.
  const steps = frames
    .slice(1)
    .map((frame, i) => (frame.timestamp - frames[i]!.timestamp) >>> 0);
  expect(new Set(steps)).toEqual(new Set([3000]));
  expect(frames.every((frame) => frame.bytes > 0)).toBe(true);
  // The marker bit closes each frame.
  const markers = client.packets.filter(
    (packet) => packet.header.marker,
  ).length;
  expect(markers).toBeGreaterThanOrEqual(frames.length - 1);
  // The negotiated VP8 payload type, not werift's or ours.
  const vp8 = client.video!.codecs.find(
    (codec) => codec.mimeType.toLowerCase() === "video/vp8",
  )!;
  expect(
    client.packets.every(
      (packet) => packet.header.payloadType === vp8.payloadType,
    ),
  ).toBe(true);
});

test("a PLI makes the very next frame a keyframe", async () => {
  const { emulator, client } = await connectedSession();
  // Wait until we are well inside a group of pictures (keyframes come every 30
  // frames), so a natural keyframe cannot pass for the answer to our PLI.
  await until(() => {
    const frames = framesFrom(client.packets);
    const lastKey = frames.findLastIndex((frame) => frame.keyframe);
    return (
      lastKey >= 0 &&
      frames.length - lastKey >= 12 &&
      frames.length - lastKey <= 18
    );
  });
  const before = framesFrom(client.packets).length;
  const ssrc = client.packets.at(-1)!.header.ssrc;
  await client.video!.receiver.sendRtcpPLI(ssrc);
  await until(() => framesFrom(client.packets).length >= before + 3);
  const after = framesFrom(client.packets).slice(before);
  // The frame in flight when the PLI left may still be a delta frame; one of the next two must be key.
  expect(after.slice(0, 2).some((frame) => frame.keyframe)).toBe(true);
  expect((await emulator.api.state()).sessions[0].keyframeRequests).toBe(1);
});

test("the schema protocol over the data channel: requestSchema, commands without acks, silent drops", async () => {
  const { emulator, client } = await connectedSession();

  client.send("runtime", "requestSchema");
  const schema = await client.waitForMessage(
    (m) => m.data.type === "modelSchema",
  );
  expect(schema.scope).toBe("runtime");
  const doc = schema.data.data as {
    openapi: string;
    paths: Record<string, unknown>;
    "x-reactor": unknown;
  };
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toEqual([
    "/events/set_scene",
    "/events/pause",
    "/events/resume",
  ]);
  expect(doc["x-reactor"]).toEqual({
    tracks: [
      { name: "main_video", kind: "video", direction: "out" },
      { name: "webcam", kind: "video", direction: "in" },
    ],
  });

  client.send("application", "set_scene", { scene: "night" });
  await client.waitForMessage(
    (m) =>
      m.data.type === "state" &&
      (m.data.data as { scene: string }).scene === "night",
  );

  client.send("application", "pause");
  await client.waitForMessage(
    (m) =>
      m.data.type === "state" && (m.data.data as { paused: boolean }).paused,
  );
  await new Promise((resolve) => setTimeout(resolve, 150));
  const frozenAt = framesFrom(client.packets).length;
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(framesFrom(client.packets).length).toBe(frozenAt);
  client.send("application", "resume");
  await until(() => framesFrom(client.packets).length > frozenAt + 2);

  // Out of the enum, unknown event: dropped without a word, as runtimes do for 2.9.0 clients.
  client.send("application", "set_scene", { scene: "no-such-scene" });
  client.send("application", "make_coffee", {});
  client.send("runtime", "requestCapabilities");
  const capabilities = await client.waitForMessage(
    (m) => m.data.type === "modelCapabilities",
  );
  expect(capabilities.data.data).toEqual({ commands: [] });
  const types = new Set(client.messages.map((m) => m.data.type));
  expect(types).toEqual(new Set(["modelSchema", "state", "modelCapabilities"]));

  const { sessions } = await emulator.api.state();
  expect(sessions[0]).toMatchObject({
    scene: "night",
    paused: false,
    connected: true,
    schemaRequests: 1,
    events: [
      { name: "set_scene", at: expect.any(Number) },
      { name: "pause", at: expect.any(Number) },
      { name: "resume", at: expect.any(Number) },
    ],
    rejected: [
      { name: "set_scene", why: expect.stringMatching(/scene must be one of/) },
      { name: "make_coffee", why: 'unknown event "make_coffee"' },
    ],
  });
});

test('scenario schemaProtocol "legacy" over WebRTC: commands in modelCapabilities, requestSchema unanswered', async () => {
  const { emulator, client } = await connectedSession();
  await emulator.api.request("PUT", "/_emulator/scenario", {
    body: { schemaProtocol: "legacy" },
  });
  client.send("runtime", "requestSchema");
  client.send("runtime", "requestCapabilities");
  const capabilities = await client.waitForMessage(
    (m) => m.data.type === "modelCapabilities",
  );
  expect(
    (capabilities.data.data as { commands: { name: string }[] }).commands.map(
      (command) => command.name,
    ),
  ).toEqual(["set_scene", "pause", "resume"]);
  // Frames are in order: had requestSchema been answered, it would have come first.
  expect(client.messages.some((m) => m.data.type === "modelSchema")).toBe(
    false,
  );
  expect((await emulator.api.state()).sessions[0].schemaRequests).toBe(1);
});

test("webcam RTP from the client's sendonly track is received and counted", async () => {
  const { emulator, client } = await connectedSession();
  expect((await emulator.api.state()).sessions[0].webcamPackets).toBe(0);
  for (let i = 0; i < 20; i++) {
    const header = new RtpHeader({
      sequenceNumber: i,
      timestamp: i * 3000,
      marker: true,
      payloadType: 96,
    });
    client.webcamTrack.writeRtp(
      new RtpPacket(header, Buffer.from([0x10, 0x00, 0x01])),
    );
  }
  await expect
    .poll(async () => (await emulator.api.state()).sessions[0].webcamPackets, {
      timeout: 5_000,
    })
    .toBeGreaterThan(0);
});

test("DELETE closes the server peer shortly after, ending the client's connection", async () => {
  const { emulator, jwt, sessionId, client } = await connectedSession();
  const response = await emulator.api.request(
    "DELETE",
    `/sessions/${sessionId}`,
    {
      headers: { ...transportHeaders(jwt), "Reactor-API-Version": "1" },
    },
  );
  expect(response.status).toBe(200);
  expect(response.json.state).toBe("CLOSED");
  await until(
    () =>
      client.channel.readyState === "closed" ||
      client.pc.connectionState !== "connected",
    5_000,
  );
});
