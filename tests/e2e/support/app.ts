import { expect, type Page } from "@playwright/test";
import { emulator } from "./emulator";

export const status = (page: Page) => page.getByRole("status");

/** Open the app and wait until the lazily loaded player is interactive. */
export async function openApp(page: Page) {
  await page.goto("/");
  await expect(page.getByRole("button", { name: "Connect" })).toBeEnabled();
}

export async function connect(page: Page) {
  await page.getByRole("button", { name: "Connect" }).click();
  await expect(status(page)).toHaveText("Live");
}

/** Set the emulator's scenario (when given), open the app and go live. */
export async function openLive(page: Page, scenario?: Record<string, unknown>) {
  if (scenario) await emulator.scenario(scenario);
  await openApp(page);
  await connect(page);
}
