import { expect, test, type Page } from "@playwright/test";
import { connect, openApp, openLive, status } from "./support/app";
import { emulator } from "./support/emulator";
import { expectFramesDecoding } from "./support/video";

test.beforeEach(() => emulator.reset());

// Next's route announcer is also role="alert"; ours is the error notice.
const alert = (page: Page) =>
  page.getByRole("alert").and(page.getByTestId("error-notice"));

test("no GPU capacity: explains the limit, then recovers on Try again", async ({
  page,
}) => {
  await emulator.scenario({ maxConcurrentSessions: 0 });
  await openApp(page);
  await page.getByRole("button", { name: "Connect" }).click();
  await expect(alert(page)).toContainText("No GPU capacity right now");
  await expect(status(page)).toHaveText("Not connected");

  await emulator.scenario({ maxConcurrentSessions: 5 });
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(status(page)).toHaveText("Live");
  await expect(alert(page)).toHaveCount(0);
});

for (const [failure, message] of [
  [401, "Reactor rejected the API key"],
  [429, "Reactor is rate limiting token requests"],
  [500, "Could not get a session token"],
] as const) {
  test(`mint failure ${failure}: says so, then recovers`, async ({ page }) => {
    await emulator.scenario({ mintFailure: failure });
    await page.goto("/");
    // The token is minted on page load, so the problem shows before Connect.
    await expect(alert(page)).toContainText(message);

    await emulator.scenario({ mintFailure: null });
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(status(page)).toHaveText("Live");
  });
}

test("mint timeout: the route gives up instead of hanging", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await emulator.scenario({ mintFailure: "timeout" });
  await page.goto("/");
  await expect(alert(page)).toContainText("Reactor did not answer in time", {
    timeout: 30_000,
  });
  await emulator.scenario({ mintFailure: null });
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(status(page)).toHaveText("Live");
});

test("session dies mid-stream: Reconnect, then a new session", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openApp(page);
  await emulator.scenario({ dieAfterMs: 1500 });
  await connect(page);
  await expect(status(page)).toHaveText("Stream interrupted", {
    timeout: 45_000,
  });

  await emulator.scenario({ dieAfterMs: null });
  await page.getByRole("button", { name: "Reconnect" }).click();
  // The emulator closed that session for good, so resuming fails and the UI
  // offers a fresh one.
  await expect(alert(page)).toContainText("Could not resume the session");
  await page.getByRole("button", { name: "Start a new session" }).click();
  await expect(status(page)).toHaveText("Live");
  await expectFramesDecoding(page);
});

test("a slow SDP answer still connects", async ({ page }) => {
  await openLive(page, { sdpDelayMs: 2000 });
  await expectFramesDecoding(page);
});

test("an SDP answer that never comes fails with a next step", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await emulator.scenario({ sdpDelayMs: 60_000 });
  await openApp(page);
  await page.getByRole("button", { name: "Connect" }).click();
  await expect(alert(page)).toContainText("The GPU did not answer in time", {
    timeout: 40_000,
  });
  await expect(page.getByRole("button", { name: "Try again" })).toBeEnabled();
});

test("an expired token is replaced without reloading the page", async ({
  page,
}) => {
  await openLive(page);
  await page.getByRole("button", { name: "Disconnect" }).click();
  await expect(status(page)).toHaveText("Not connected");
  const minted = (await emulator.state()).tokens.minted;

  await emulator.expireTokens();
  await page.getByRole("button", { name: "Connect" }).click();
  await expect(status(page)).toHaveText("Live");
  expect((await emulator.state()).tokens.minted).toBe(minted + 1);
});
