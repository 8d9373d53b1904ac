import { expect, test } from "./support/clean-run";
import { connect, openApp, status } from "./support/app";
import { emulator } from "./support/emulator";
import {
  collectConsoleErrors,
  notice,
  watchOpenSessions,
} from "./support/policies";
import { servers } from "./support/servers";

// Two pages of one context share a browser profile, like two tabs.
test.use({ baseURL: servers.policiesUrl });
test.beforeEach(() => emulator.reset());

test("a second tab never starts a second session; Take over here moves it, and closing the live tab frees it", async ({
  page: first,
  context,
}) => {
  const stopWatching = watchOpenSessions();
  const second = await context.newPage();
  // support/clean-run.ts guards `page` (the first tab); the second one here.
  const secondErrors = collectConsoleErrors(second);
  await openApp(first);
  await connect(first);

  await second.goto("/");
  await expect(
    second.getByRole("button", { name: "Take over here" }),
  ).toBeEnabled();
  await expect(notice(second, "other-tab")).toBeVisible();
  await expect(second.getByRole("button", { name: "Connect" })).toHaveCount(0);

  await second.getByRole("button", { name: "Take over here" }).click();
  await expect(status(second)).toHaveText("Live");
  await expect(status(first)).toHaveText("Not connected");
  await expect(notice(first, "ended")).toContainText("moved to another tab");
  await expect(
    first.getByRole("button", { name: "Take over here" }),
  ).toBeVisible();

  const { sessions } = await emulator.state();
  expect(sessions).toEqual([
    expect.objectContaining({ state: "CLOSED", closeReason: "client_delete" }),
    expect.objectContaining({ state: "ACTIVE", connected: true }),
  ]);

  await second.close({ runBeforeUnload: true });
  await expect(first.getByRole("button", { name: "Connect" })).toBeEnabled({
    timeout: 2_000,
  });
  await expect(notice(first, "other-tab")).toHaveCount(0);
  await expect.poll(async () => (await emulator.state()).counts.active).toBe(0);
  expect(await stopWatching()).toBe(1);
  expect(secondErrors).toEqual([]);
});
