// @vitest-environment node
import { expect, test } from "vitest";
import { startTestEmulator } from "@test/emulator/support/emulator";
import { jpegHead, png } from "@test/emulator/support/images";
import { uploadFile } from "@test/emulator/support/upload";
import { framesFrom } from "@/scripts/doctor/webrtc-client";
import { liveSession } from "@test/emulator/support/live-session";

// reactor/helios over real WebRTC with a werift client: the video track is
// negotiated but silent until set_prompt + start, then the stream plays; an
// uploaded image is measured for image_accepted.

async function heliosSession() {
  for (let attempt = 1; ; attempt++) {
    const emulator = await startTestEmulator();
    try {
      const live = await liveSession(emulator.api, "reactor/helios");
      return { emulator, ...live };
    } catch (error) {
      // Not yet understood: on a loaded machine the first DTLS handshake
      // between two werift peers in a test process sometimes fails on the
      // emulator's side (connecting → failed); peer.test.ts's first test
      // shows it too. One fresh session; a second failure is a real one.
      if (attempt > 1) throw error;
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("no video frames before start; set_prompt + start makes the stream play", async () => {
  const { emulator, client } = await heliosSession();
  await sleep(700);
  expect(client.packets).toHaveLength(0);
  // start without a prompt: the model says why, and stays dark.
  client.send("application", "start");
  const error = await client.waitForMessage(
    (m) => m.data.type === "command_error",
  );
  expect(error.data.data).toEqual({
    command: "start",
    reason: "prompt is empty",
  });
  await sleep(300);
  expect(client.packets).toHaveLength(0);

  client.send("application", "set_prompt", { prompt: "a forest at dawn" });
  await client.waitForMessage((m) => m.data.type === "prompt_accepted");
  client.send("application", "start");
  const started = await client.waitForMessage(
    (m) => m.data.type === "generation_started",
  );
  expect(started.data.data).toEqual({
    prompt: "a forest at dawn",
    chunk_index: 0,
  });
  await expect
    .poll(() => framesFrom(client.packets).length)
    .toBeGreaterThan(10);
  expect(framesFrom(client.packets)[0]!.keyframe).toBe(true);

  const scene = (await emulator.api.state()).sessions[0].scene;
  client.send("application", "set_prompt", { prompt: "a city at night" });
  await expect
    .poll(async () => (await emulator.api.state()).sessions[0].scene, {
      timeout: 5_000,
    })
    .not.toBe(scene);
  const { sessions } = await emulator.api.state();
  expect(sessions[0]).toMatchObject({
    profile: "helios",
    modelState: {
      started: true,
      running: true,
      current_prompt: "a city at night",
    },
    events: [
      { name: "start" },
      { name: "set_prompt" },
      { name: "start" },
      { name: "set_prompt" },
    ],
    rejected: [],
  });
});

test("an uploaded PNG or JPEG is measured: image_accepted carries its real size", async () => {
  const { emulator, jwt, sessionId, client } = await heliosSession();
  const pngRef = await uploadFile(
    emulator.api,
    jwt,
    sessionId,
    png(320, 200),
    "cat.png",
    "image/png",
  );
  client.send("runtime", "fileUploaded", pngRef);
  client.channel.send(
    JSON.stringify({
      scope: "application",
      data: { type: "set_image", data: {}, uploads: { image: pngRef } },
    }),
  );
  const accepted = await client.waitForMessage(
    (m) => m.data.type === "image_accepted",
  );
  expect(accepted.data.data).toEqual({ width: 320, height: 200 });

  const jpegRef = await uploadFile(
    emulator.api,
    jwt,
    sessionId,
    jpegHead(1920, 1080, { exifBytes: 20_000 }),
    "photo.jpg",
    "image/jpeg",
  );
  client.channel.send(
    JSON.stringify({
      scope: "application",
      data: { type: "set_image", data: {}, uploads: { image: jpegRef } },
    }),
  );
  await client.waitForMessage(
    (m) =>
      m.data.type === "image_accepted" &&
      (m.data.data as { width: number }).width === 1920,
  );
  const { uploads } = (await emulator.api.state()).sessions[0];
  expect(uploads.map((upload: { image: unknown }) => upload.image)).toEqual([
    { width: 320, height: 200 },
    { width: 1920, height: 1080 },
  ]);
});

test("a requestSchema over the data channel returns the Helios document", async () => {
  const { client } = await heliosSession();
  client.send("runtime", "requestSchema");
  const reply = await client.waitForMessage(
    (m) => m.data.type === "modelSchema",
  );
  const doc = reply.data.data as { info: { title: string }; paths: object };
  expect(doc.info.title).toBe("helios");
  expect(Object.keys(doc.paths)).toContain("/events/set_sr_scale");
});
