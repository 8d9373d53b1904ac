import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Waits until the SDK's <video> has decoded `frames` new frames, counted by
 * requestVideoFrameCallback: proof that video really plays, not just that an
 * element exists.
 */
export async function expectFramesDecoding(page: Page, frames = 15) {
  const video = page.getByTestId("stage").locator("video");
  await expect(video).toBeVisible();
  const counted = await video.evaluate(
    (el: HTMLVideoElement, wanted) =>
      new Promise<number>((resolve, reject) => {
        let n = 0;
        const timer = setTimeout(
          () => reject(new Error(`only ${n} frames`)),
          10_000,
        );
        const onFrame = () => {
          if (++n >= wanted) {
            clearTimeout(timer);
            resolve(n);
          } else el.requestVideoFrameCallback(onFrame);
        };
        el.requestVideoFrameCallback(onFrame);
      }),
    frames,
  );
  expect(counted).toBeGreaterThanOrEqual(frames);
  const size = await video.evaluate((el: HTMLVideoElement) => [
    el.videoWidth,
    el.videoHeight,
  ]);
  expect(size[0]).toBeGreaterThan(0);
  expect(size[1]).toBeGreaterThan(0);
}

/** Size and mean RGB of what a <video> shows now (drawn at 64×36). */
export function videoPicture(video: Locator) {
  return video.evaluate((el: HTMLVideoElement) => {
    const canvas = document.createElement("canvas");
    canvas.width = 64;
    canvas.height = 36;
    const ctx = canvas.getContext("2d")!;
    ctx.drawImage(el, 0, 0, canvas.width, canvas.height);
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const mean = [0, 0, 0];
    for (let i = 0; i < data.length; i += 4)
      for (let c = 0; c < 3; c++) mean[c]! += data[i + c]!;
    return {
      width: el.videoWidth,
      height: el.videoHeight,
      mean: mean.map((sum) => sum / (data.length / 4)),
    };
  });
}

/** Mean RGB of the stage's current frame, to tell scenes apart. */
export async function meanColor(page: Page): Promise<number[]> {
  return (await videoPicture(page.getByTestId("stage").locator("video"))).mean;
}
