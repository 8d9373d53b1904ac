import type { Page } from "@playwright/test";
import { openLive } from "./support/app";
import { expect, test } from "./support/clean-run";
import { emulator } from "./support/emulator";
import { onlySession } from "./support/media";
import { servers } from "./support/servers";
import { expectFramesDecoding, videoPicture } from "./support/video";

// xmax/x2 reads a `source` camera and generates once it has frames and a
// prompt; the emulator echoes the camera into main_video. Chromium's fake
// camera (--use-fake-device-for-media-stream) is the camera; permission is
// granted per test, or not at all.
test.use({ baseURL: servers.x2Url });
test.beforeEach(() => emulator.reset());

const camera = (page: Page) =>
  page.getByRole("region", { name: `Camera for the model's "source" input` });

const sourcePackets = async () =>
  (await onlySession()).inboundTracks.source ?? 0;

test("camera published, echoed back after a prompt, and stopped", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["camera"], { origin: servers.x2Url });
  await openLive(page);
  // Nothing is asked or sent before the click.
  await expect(camera(page).getByText("Camera on")).toHaveCount(0);
  expect(await sourcePackets()).toBe(0);

  await camera(page).getByRole("button", { name: "Turn on camera" }).click();
  await expect(camera(page).getByText("Camera on")).toBeVisible();
  await expect.poll(sourcePackets).toBeGreaterThan(30);
  // Frames without a prompt: X2 does not generate.
  expect((await onlySession()).modelState.generating).toBe(false);

  await page.getByRole("textbox", { name: /^prompt/ }).fill("an oil painting");
  await page.getByRole("button", { name: "Send set_prompt" }).click();
  await expect
    .poll(async () => (await onlySession()).modelState.generating)
    .toBe(true);
  await expectFramesDecoding(page);

  // The output is the fake camera: its size (not the clips' 640×360) and
  // its colours, compared with the local preview of the same camera.
  const preview = await videoPicture(
    camera(page).getByLabel("Your camera (preview)"),
  );
  const output = await videoPicture(page.getByTestId("stage").locator("video"));
  expect([output.width, output.height]).toEqual([
    preview.width,
    preview.height,
  ]);
  expect(output.height).not.toBe(360);
  const distance = Math.hypot(
    ...output.mean.map((value, i) => value - preview.mean[i]!),
  );
  expect(distance).toBeLessThan(40);

  await camera(page).getByRole("button", { name: "Turn off camera" }).click();
  await expect(camera(page).getByText("Camera on")).toHaveCount(0);
  // Let packets in flight land, then the count must stand still.
  await page.waitForTimeout(500);
  const stopped = await sourcePackets();
  await page.waitForTimeout(1_500);
  expect(await sourcePackets()).toBe(stopped);
});

test("denied camera: the blocked message and how to re-allow", async ({
  page,
}) => {
  await openLive(page);
  await camera(page).getByRole("button", { name: "Turn on camera" }).click();
  const alert = camera(page).getByRole("alert");
  await expect(alert).toContainText("Camera access is blocked");
  await expect(alert).toContainText("set Camera to Allow");
  expect(await sourcePackets()).toBe(0);
});
