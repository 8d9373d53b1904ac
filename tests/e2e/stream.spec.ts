import { expect, test } from "./support/clean-run";
import { connect, openApp, status } from "./support/app";
import { emulator } from "./support/emulator";
import { expectFramesDecoding, meanColor } from "./support/video";

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
  expect(sessions[0]!.model).toBe("reactor/helios");
});

test("a command round-trips and changes the stream", async ({ page }) => {
  await openApp(page);
  await connect(page);
  await expectFramesDecoding(page);
  const before = await meanColor(page);

  const form = page.locator("form", { hasText: "set_scene" });
  const scene = form.getByRole("combobox");
  const options = await scene.locator("option").allTextContents();
  const playing = (await emulator.state()).sessions[0]!.scene;
  const next = options.find((o) => o !== playing)!;
  expect(next).toBeDefined();
  await scene.selectOption(next);
  await form.getByRole("button", { name: "Send set_scene" }).click();

  await expect(page.getByRole("list", { name: "Model replies" })).toContainText(
    "command_ack",
  );
  expect((await emulator.state()).sessions[0]!.scene).toBe(next);
  await expect
    .poll(
      async () => {
        const after = await meanColor(page);
        return Math.max(...after.map((c, i) => Math.abs(c - before[i]!)));
      },
      { timeout: 10_000 },
    )
    .toBeGreaterThan(20);
});

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
  await openApp(page);
  await connect(page);
  await page.getByRole("button", { name: "Disconnect" }).click();
  await expect(status(page)).toHaveText("Not connected");
  await expect.poll(async () => (await emulator.state()).counts.active).toBe(0);
  const [session] = (await emulator.state()).sessions;
  expect(session!.state).toBe("CLOSED");
});

test("closing the page ends the session", async ({ page }) => {
  await openApp(page);
  await connect(page);
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
