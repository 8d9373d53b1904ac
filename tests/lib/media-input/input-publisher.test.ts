import { afterEach, expect, test, vi } from "vitest";
import {
  InputPublisher,
  type PublisherDeps,
} from "@/lib/media-input/input-publisher";

// Fake devices: each getUserMedia answer is a track whose stop() is recorded,
// so every exit path can be checked for a camera left running.

class FakeTrack extends EventTarget {
  readyState: "live" | "ended" = "live";
  enabled = true;
  contentHint = "";
  constructor(
    readonly kind: "video" | "audio",
    readonly deviceId: string,
  ) {
    super();
  }
  stop() {
    this.readyState = "ended";
  }
  getSettings() {
    return { deviceId: this.deviceId };
  }
}

const domError = (name: string) =>
  Object.assign(new Error(name), { name }) as Error;

function setup(overrides: Partial<PublisherDeps> = {}) {
  const tracks: FakeTrack[] = [];
  const getUserMedia = vi.fn(async (constraints: MediaStreamConstraints) => {
    const video = constraints.video as
      boolean | { deviceId: { exact: string } };
    const id = typeof video === "object" ? video.deviceId.exact : "cam-1";
    const track = new FakeTrack("video", id);
    tracks.push(track);
    return { getTracks: () => [track] } as unknown as MediaStream;
  });
  const enumerateDevices = vi.fn(
    async () =>
      [
        { kind: "videoinput", deviceId: "cam-1", label: "Front" },
        { kind: "videoinput", deviceId: "cam-2", label: "Back" },
        { kind: "audioinput", deviceId: "mic-1", label: "Mic" },
      ] as MediaDeviceInfo[],
  );
  const publish = vi.fn<(track: MediaStreamTrack) => Promise<void>>(
    async () => undefined,
  );
  const unpublish = vi.fn(async () => undefined);
  const deps: PublisherDeps = {
    kind: "video",
    media: { getUserMedia, enumerateDevices },
    secure: true,
    publish,
    unpublish,
    ...overrides,
  };
  const publisher = new InputPublisher(deps);
  return {
    publisher,
    tracks,
    getUserMedia,
    enumerateDevices,
    publish,
    unpublish,
  };
}

afterEach(() => vi.useRealTimers());

test("start: asks once, publishes the track, lists devices with labels", async () => {
  const { publisher, tracks, getUserMedia, publish } = setup();
  expect(getUserMedia).not.toHaveBeenCalled();
  await publisher.start();
  expect(getUserMedia).toHaveBeenCalledWith({ video: true });
  expect(publish).toHaveBeenCalledWith(tracks[0]);
  expect(publisher.state).toMatchObject({ phase: "live", deviceId: "cam-1" });
  expect(tracks[0]!.contentHint).toBe("detail");
  expect(publisher.devices.map((d) => d.label)).toEqual(["Front", "Back"]);
});

test.each([
  ["NotAllowedError", "blocked", /Allow the camera for this site/],
  ["NotFoundError", "not-found", /Connect a camera/],
  ["NotReadableError", "in-use", /Another app or tab/],
  ["OverconstrainedError", "overconstrained", /Pick another one/],
  ["TypeError", "unknown", /Press Turn on again/],
])(
  "%s → %s with a next step, nothing published",
  async (name, problem, action) => {
    const { publisher, getUserMedia, publish } = setup();
    getUserMedia.mockRejectedValueOnce(domError(name));
    await publisher.start();
    expect(publisher.state).toMatchObject({
      phase: "off",
      error: { problem, action: expect.stringMatching(action) },
    });
    expect(publish).not.toHaveBeenCalled();
  },
);

test("insecure page: no prompt at all, says https or localhost", async () => {
  const { publisher, getUserMedia } = setup({ secure: false });
  await publisher.start();
  expect(getUserMedia).not.toHaveBeenCalled();
  expect(publisher.state).toMatchObject({
    phase: "off",
    error: { problem: "insecure", action: expect.stringMatching(/localhost/) },
  });
  const noApi = setup({ media: undefined });
  await noApi.publisher.start();
  expect(noApi.publisher.state).toMatchObject({
    error: { problem: "insecure" },
  });
});

test("switching devices replaces the published track and stops the old one", async () => {
  const { publisher, tracks, publish, unpublish } = setup();
  await publisher.start();
  await publisher.switchTo("cam-2");
  expect(publish).toHaveBeenLastCalledWith(tracks[1]);
  expect(tracks[0]!.readyState).toBe("ended");
  expect(tracks[1]!.readyState).toBe("live");
  expect(unpublish).not.toHaveBeenCalled();
  expect(publisher.state).toMatchObject({ phase: "live", deviceId: "cam-2" });
});

test("a failed switch keeps the working device and says why", async () => {
  const { publisher, tracks, getUserMedia } = setup();
  await publisher.start();
  getUserMedia.mockRejectedValueOnce(domError("NotReadableError"));
  await publisher.switchTo("cam-2");
  expect(tracks[0]!.readyState).toBe("live");
  expect(publisher.state).toMatchObject({
    phase: "live",
    deviceId: "cam-1",
    error: { problem: "in-use" },
  });
});

test("mute disables the track but keeps it published", async () => {
  const { publisher, tracks, unpublish } = setup();
  await publisher.start();
  publisher.setMuted(true);
  expect(tracks[0]!.enabled).toBe(false);
  expect(publisher.state).toMatchObject({ phase: "live", muted: true });
  publisher.setMuted(false);
  expect(tracks[0]!.enabled).toBe(true);
  expect(unpublish).not.toHaveBeenCalled();
});

test("stop and dispose stop the device and unpublish", async () => {
  const { publisher, tracks, unpublish } = setup();
  await publisher.start();
  await publisher.stop();
  expect(tracks[0]!.readyState).toBe("ended");
  expect(unpublish).toHaveBeenCalledTimes(1);
  expect(publisher.state).toEqual({ phase: "off" });
  await publisher.start();
  publisher.dispose();
  expect(tracks[1]!.readyState).toBe("ended");
  expect(unpublish).toHaveBeenCalledTimes(2);
});

test("stop while the prompt is open: the late track is stopped, never published", async () => {
  const { publisher, getUserMedia, publish } = setup();
  let grant!: () => void;
  const track = new FakeTrack("video", "cam-1");
  getUserMedia.mockImplementationOnce(
    () =>
      new Promise((resolve) => {
        grant = () =>
          resolve({ getTracks: () => [track] } as unknown as MediaStream);
      }),
  );
  const starting = publisher.start();
  expect(publisher.state.phase).toBe("starting");
  await publisher.stop();
  grant();
  await starting;
  expect(track.readyState).toBe("ended");
  expect(publish).not.toHaveBeenCalled();
  expect(publisher.state).toEqual({ phase: "off" });
});

test("a track that ends by itself (unplugged, revoked) unpublishes and says so", async () => {
  const { publisher, tracks, unpublish } = setup();
  await publisher.start();
  tracks[0]!.dispatchEvent(new Event("ended"));
  expect(unpublish).toHaveBeenCalledTimes(1);
  expect(publisher.state).toMatchObject({
    phase: "off",
    error: { problem: "ended" },
  });
});

test("a failed publish stops the device", async () => {
  const { publisher, tracks, publish } = setup();
  publish.mockRejectedValueOnce(new Error("not connected"));
  await publisher.start();
  expect(tracks[0]!.readyState).toBe("ended");
  expect(publisher.state).toMatchObject({
    error: { problem: "publish-failed" },
  });
});

test("a live input reports activity until it stops", async () => {
  vi.useFakeTimers();
  const onActivity = vi.fn();
  const { publisher } = setup({ onActivity, activityIntervalMs: 1_000 });
  await publisher.start();
  expect(onActivity).toHaveBeenCalledTimes(1);
  vi.advanceTimersByTime(3_000);
  expect(onActivity).toHaveBeenCalledTimes(4);
  await publisher.stop();
  vi.advanceTimersByTime(3_000);
  expect(onActivity).toHaveBeenCalledTimes(4);
});
