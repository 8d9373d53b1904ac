import { expect, test } from "@playwright/test";
import { servers } from "./support/servers";

test("without a key the setup screen says what to fix", async ({ page }) => {
  await page.goto(servers.setupUrl);
  await expect(
    page.getByRole("heading", { name: "Setup required" }),
  ).toBeVisible();
  await expect(
    page
      .getByRole("listitem")
      .filter({ hasText: "REACTOR_API_KEY is not set" }),
  ).toBeVisible();
  await expect(page.getByText(".env.local").first()).toBeVisible();
  // A production build never falls back to the emulator on its own.
  await expect(page.getByText("Local emulator", { exact: true })).toHaveCount(
    0,
  );
  await expect(page.getByRole("button", { name: "Connect" })).toHaveCount(0);
});

test("without a key the token route answers a JSON 500, not a stack trace", async ({
  request,
}) => {
  const response = await request.get(`${servers.setupUrl}/api/token`);
  expect(response.status()).toBe(500);
  const body = await response.json();
  expect(body.error.code).toBe("not_configured");
  expect(body.error.message).toContain("REACTOR_API_KEY");
});
