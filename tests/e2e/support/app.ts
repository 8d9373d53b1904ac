import { expect, type Page } from "@playwright/test";

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
