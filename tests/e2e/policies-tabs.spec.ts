import type { Page } from "@playwright/test";
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

test("two tabs that press Connect at once end with one session: the later one steps back", async ({
  page: first,
  context,
}) => {
  const second = await context.newPage();
  const secondErrors = collectConsoleErrors(second);
  await openApp(first);
  await openApp(second);

  // Both presses land before either tab hears the other go live: clicks
  // through the DOM, not Playwright's actionability steps, which would
  // space them further apart than the tabs' bus needs to carry a message.
  const press = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll("button")]
        .find((button) => button.textContent === "Connect")
        ?.click(),
    );
  await Promise.all([press(first), press(second)]);

  const tabs = [first, second];
  await expect
    .poll(async () =>
      (await Promise.all(tabs.map((tab) => status(tab).textContent()))).sort(),
    )
    .toEqual(["Live", "Not connected"]);
  const [live, other] =
    (await status(first).textContent()) === "Live"
      ? [first, second]
      : [second, first];
  await expect(
    other.getByRole("button", { name: "Take over here" }),
  ).toBeVisible();
  await expect(notice(other, "other-tab")).toBeVisible();
  await expect(status(live)).toHaveText("Live");

  await expect.poll(async () => (await emulator.state()).counts.active).toBe(1);
  const { sessions } = await emulator.state();
  expect(sessions.filter((s) => s.state === "ACTIVE")).toHaveLength(1);
  for (const session of sessions.filter((s) => s.state !== "ACTIVE")) {
    expect(session).toEqual(
      expect.objectContaining({
        state: "CLOSED",
        closeReason: "client_delete",
      }),
    );
  }
  expect(secondErrors).toEqual([]);
});
