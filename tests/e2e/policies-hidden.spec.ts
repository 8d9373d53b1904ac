import type { Page } from "@playwright/test";
import { expect, test } from "./support/clean-run";
import { openLive, status } from "./support/app";
import { emulator } from "./support/emulator";
import { notice } from "./support/policies";
import { POLICY_HIDDEN_SECONDS, servers } from "./support/servers";

// The policies server: REACTOR_HIDDEN_DISCONNECT_SECONDS=3.
test.use({ baseURL: servers.policiesUrl });
test.beforeEach(() => emulator.reset());

/** What the browser does when another tab comes to the front, or this one does again. */
function setVisibility(page: Page, state: "hidden" | "visible") {
  return page.evaluate((visibility) => {
    Object.defineProperty(document, "visibilityState", {
      configurable: true,
      get: () => visibility,
    });
    Object.defineProperty(document, "hidden", {
      configurable: true,
      get: () => visibility === "hidden",
    });
    document.dispatchEvent(new Event("visibilitychange"));
  }, state);
}

test("a live session in a hidden tab ends after the hidden-tab time; coming back says why", async ({
  page,
}) => {
  await openLive(page);
  const hiddenAt = Date.now();
  await setVisibility(page, "hidden");

  await expect(status(page)).toHaveText("Not connected", {
    timeout: (POLICY_HIDDEN_SECONDS + 5) * 1000,
  });
  expect(Date.now() - hiddenAt).toBeGreaterThan(
    (POLICY_HIDDEN_SECONDS - 1) * 1000,
  );
  expect((await emulator.state()).sessions).toEqual([
    expect.objectContaining({ state: "CLOSED", closeReason: "client_delete" }),
  ]);

  await setVisibility(page, "visible");
  await expect(notice(page, "ended")).toContainText(
    `in the background for ${POLICY_HIDDEN_SECONDS} seconds`,
  );
  await expect(page.getByRole("button", { name: "Connect" })).toBeEnabled();
});

test("a tab shown again in time keeps its session", async ({ page }) => {
  await openLive(page);
  await setVisibility(page, "hidden");
  await page.waitForTimeout(1_000);
  await setVisibility(page, "visible");
  await page.waitForTimeout((POLICY_HIDDEN_SECONDS + 1) * 1000);

  await expect(status(page)).toHaveText("Live");
  expect((await emulator.state()).sessions).toEqual([
    expect.objectContaining({ state: "ACTIVE", connected: true }),
  ]);
});
