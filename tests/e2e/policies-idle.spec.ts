import { expect, test } from "./support/clean-run";
import { connect, openApp, openLive, status } from "./support/app";
import { emulator } from "./support/emulator";
import { notice, stillWatching } from "./support/policies";
import { POLICY_IDLE_SECONDS, servers } from "./support/servers";

// The policies server: REACTOR_IDLE_DISCONNECT_SECONDS=5, then a 20 s countdown.
test.use({ baseURL: servers.policiesUrl });
test.beforeEach(() => emulator.reset());

const COUNTDOWN_SECONDS = 20;

test("with no input, the session ends after the idle time plus the countdown, and says why", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openLive(page);
  const liveAt = Date.now();

  await expect(stillWatching(page)).toBeVisible({
    timeout: (POLICY_IDLE_SECONDS + 5) * 1000,
  });
  expect(Date.now() - liveAt).toBeGreaterThan((POLICY_IDLE_SECONDS - 1) * 1000);
  await expect(stillWatching(page)).toContainText(/ends in \d+ s/);
  await expect(status(page)).toHaveText("Live");

  await expect(status(page)).toHaveText("Not connected", {
    timeout: (COUNTDOWN_SECONDS + 5) * 1000,
  });
  expect(Date.now() - liveAt).toBeGreaterThan(
    (POLICY_IDLE_SECONDS + COUNTDOWN_SECONDS - 1) * 1000,
  );
  await expect(notice(page, "ended")).toContainText(
    `${POLICY_IDLE_SECONDS} seconds without input`,
  );
  await expect(page.getByRole("button", { name: "Connect" })).toBeEnabled();

  const [session] = (await emulator.state()).sessions;
  expect(session).toMatchObject({
    state: "CLOSED",
    closeReason: "client_delete",
  });
  // Billed for about idle + countdown, not for Reactor's 20-minute cap.
  expect(session!.readyMs).toBeLessThan(
    (POLICY_IDLE_SECONDS + COUNTDOWN_SECONDS + 10) * 1000,
  );
});

test("input during the countdown keeps the session, and the idle clock starts over", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openLive(page);

  await expect(stillWatching(page)).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press("Shift");
  await expect(stillWatching(page)).toBeHidden();
  await expect(status(page)).toHaveText("Live");

  await expect(stillWatching(page)).toBeVisible({ timeout: 15_000 });
  await stillWatching(page)
    .getByRole("button", { name: "Keep watching" })
    .click();
  await expect(stillWatching(page)).toBeHidden();
  await expect(status(page)).toHaveText("Live");
  expect((await emulator.state()).sessions).toEqual([
    expect.objectContaining({ state: "ACTIVE", connected: true }),
  ]);
});

test("the session clock shows the time left of Reactor's 20 minutes and counts down", async ({
  page,
}) => {
  await openApp(page);
  await expect(page.getByText("Session time left")).toHaveCount(0);
  await connect(page);

  const clock = page.getByText("Session time left").locator("time");
  await expect(clock).toHaveText(/^(20:00|19:5\d)$/);
  const seconds = async () => {
    const [m, s] = (await clock.textContent())!.split(":").map(Number);
    return m! * 60 + s!;
  };
  const first = await seconds();
  await expect.poll(seconds, { timeout: 5_000 }).toBeLessThan(first);

  await page.getByRole("button", { name: "Disconnect" }).click();
  await expect(page.getByText("Session time left")).toHaveCount(0);
});
