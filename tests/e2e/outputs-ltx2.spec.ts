import { openLive } from "./support/app";
import { expect, test } from "./support/clean-run";
import { emulator } from "./support/emulator";
import { onlySession, stageAudioLevel } from "./support/media";
import { servers } from "./support/servers";
import { expectFramesDecoding } from "./support/video";

// reactor/ltx2 sends main_video and main_audio: after an avatar, a script
// and Start, the stage plays both from one MediaStream.
test.use({ baseURL: servers.ltx2Url });
test.beforeEach(() => emulator.reset());

// A real 1×1 PNG: the emulator reads its size from the header.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);
// About 25 s at the default 150 words a minute: long enough to listen to.
const SCRIPT = Array.from(
  { length: 6 },
  () => "Hello and welcome, this is the local emulator speaking to you today.",
).join(" ");

test("avatar, script and Start: video plays and the audio is not silent", async ({
  page,
}) => {
  await openLive(page);
  await page.getByLabel(/^avatar_image/).setInputFiles({
    name: "avatar.png",
    mimeType: "image/png",
    buffer: PNG,
  });
  await page.getByRole("button", { name: "Send set_avatar_image" }).click();
  await expect
    .poll(async () => (await onlySession()).modelState.has_avatar_image)
    .toBe(true);
  await page.getByRole("textbox", { name: /^script/ }).fill(SCRIPT);
  await page.getByRole("button", { name: "Send set_script" }).click();
  await expect
    .poll(async () => (await onlySession()).modelState.ready)
    .toBe(true);
  await page.getByRole("button", { name: "Start", exact: true }).click();

  await expectFramesDecoding(page);
  await expect(page.getByTestId("stage")).toHaveAttribute(
    "data-audio-track",
    "main_audio",
  );
  // The autoplay-safe unlock: a button only when the browser refused sound.
  const unlock = page.getByRole("button", { name: "Enable audio" });
  if (await unlock.isVisible()) await unlock.click();
  await expect(page.getByTestId("stage").locator("video")).toHaveJSProperty(
    "muted",
    false,
  );
  expect(await stageAudioLevel(page)).toBeGreaterThan(0.02);
});
