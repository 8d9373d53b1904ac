import { expect, test } from "./support/clean-run";
import { openLive, status } from "./support/app";
import { emulator } from "./support/emulator";
import { notice } from "./support/policies";
import { servers } from "./support/servers";
import { expectFramesDecoding } from "./support/video";

test.use({ baseURL: servers.policiesUrl });
test.beforeEach(() => emulator.reset());

test("offline shows a banner and leaves a healthy session alone", async ({
  page,
  context,
}) => {
  await openLive(page);
  await context.setOffline(true);
  await expect(notice(page, "offline")).toBeVisible();
  await page.waitForTimeout(2_000);
  await expect(status(page)).toHaveText("Live");

  await context.setOffline(false);
  await expect(notice(page, "offline")).toHaveCount(0);
  await expect(status(page)).toHaveText("Live");
  expect((await emulator.state()).sessions).toEqual([
    expect.objectContaining({ state: "ACTIVE", connected: true, offers: 1 }),
  ]);
});

test.describe("a dropped stream", () => {
  // The emulator cuts the peer on purpose, and the SDK logs it.
  test.use({
    allowedConsoleErrors: [
      "[WebRTCTransport] Data channel error: RTCErrorEvent",
    ],
  });

  test("a stream that drops while offline resumes the same session when the network is back", async ({
    page,
    context,
  }) => {
    test.setTimeout(90_000);
    await openLive(page, { dropPeerAfterMs: 1_000 });
    const { id } = (await emulator.state()).sessions[0]!;

    await context.setOffline(true);
    await expect(notice(page, "offline")).toBeVisible();
    await expect(status(page)).toHaveText("Stream interrupted", {
      timeout: 25_000,
    });

    await context.setOffline(false);
    await expect(notice(page, "offline")).toHaveCount(0);
    await expect(status(page)).toHaveText("Live");
    const state = await emulator.state();
    expect(state.counts.created).toBe(1);
    expect(state.sessions).toEqual([
      expect.objectContaining({
        id,
        state: "ACTIVE",
        connected: true,
        offers: 2,
      }),
    ]);
    await expectFramesDecoding(page);
  });
});
