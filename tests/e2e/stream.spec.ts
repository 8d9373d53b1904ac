import { expect, test } from "./support/clean-run";
import { connect, openApp, openLive, status } from "./support/app";
import { emulator } from "./support/emulator";
import { expectFramesDecoding } from "./support/video";

test.beforeEach(() => emulator.reset());

test("Connect goes through waiting to ready and the video plays", async ({
  page,
}) => {
  await emulator.scenario({ gpuDelayMs: 1500 });
  await openApp(page);
  await expect(page.getByText("Local emulator", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Connect" }).click();
  await expect(status(page)).toHaveText("Waiting for a GPU…");
  await expect(status(page)).toHaveText("Live");
  await expectFramesDecoding(page);

  const { sessions } = await emulator.state();
  expect(sessions).toHaveLength(1);
  expect(sessions[0]!.model).toBe("acme/test-pattern");
});

// The page-level command round-trip left this file with the HTTP command
// list: today's runtimes send `capabilities.commands: []`, so the page has no
// forms until its controls are built from the schema document. The
// emulator-level round-trip (requestSchema, commands, state, silent drops)
// is in tests/emulator/webrtc/peer.test.ts.

test("the page streams under a CSP that names the run-time API origin", async ({
  page,
}) => {
  const response = await page.goto("/");
  const csp = response!.headers()["content-security-policy"]!;
  expect(csp).toMatch(/connect-src 'self' http:\/\/127\.0\.0\.1:\d+/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response!.headers()["x-content-type-options"]).toBe("nosniff");
  // The build ran with a different REACTOR_API_URL (see .ci/run): streaming
  // here proves the policy follows the run-time value.
  await connect(page);
  await expectFramesDecoding(page);
});

test("Disconnect ends the session on the emulator", async ({ page }) => {
  await openLive(page);
  await page.getByRole("button", { name: "Disconnect" }).click();
  await expect(status(page)).toHaveText("Not connected");
  await expect.poll(async () => (await emulator.state()).counts.active).toBe(0);
  const [session] = (await emulator.state()).sessions;
  expect(session!.state).toBe("CLOSED");
});

test("closing the page ends the session", async ({ page }) => {
  await openLive(page);
  await page.close({ runBeforeUnload: true });
  // DELETE on unload is best effort; the emulator's reaper is the backstop.
  await expect
    .poll(async () => (await emulator.state()).counts.active, {
      timeout: 40_000,
    })
    .toBe(0);
});

test("a double click starts exactly one session", async ({ page }) => {
  await openApp(page);
  await page.getByRole("button", { name: "Connect" }).dblclick();
  await expect(status(page)).toHaveText("Live");
  await page.waitForTimeout(500);
  expect((await emulator.state()).counts.created).toBe(1);
});
