import { expect, test } from "./support/clean-run";
import { emulator } from "./support/emulator";
import { CONFIG_CANARY, CONFIG_CANARY_ENV, servers } from "./support/servers";

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

test("no value set in any variable reaches the page, a body or a header", async ({
  page,
  request,
}) => {
  const seen: string[] = [];
  page.on("response", async (response) => {
    const headers = JSON.stringify(await response.allHeaders());
    const body = await response.text().catch(() => "");
    seen.push(`${response.url()}\n${headers}\n${body}`);
  });
  await page.goto(servers.setupUrl);
  // Every variable set to a canary is reported, each without its value.
  for (const variable of Object.keys(CONFIG_CANARY_ENV)) {
    await expect(
      page.getByRole("listitem").filter({ hasText: variable }).first(),
    ).toBeVisible();
  }
  expect(await page.content()).not.toContain(CONFIG_CANARY);

  const token = await request.get(`${servers.setupUrl}/api/token`);
  seen.push(JSON.stringify(token.headers()), await token.text());
  const head = await request.head(`${servers.setupUrl}/api/token`);
  seen.push(JSON.stringify(head.headers()));

  expect(seen.length).toBeGreaterThan(3);
  for (const entry of seen) expect(entry).not.toContain(CONFIG_CANARY);
});

test("HEAD /api/token answers 405 and never mints", async ({ request }) => {
  const minted = (await emulator.state()).tokens.minted;
  const response = await request.head(`${servers.appUrl}/api/token`);
  expect(response.status()).toBe(405);
  expect(response.headers()["allow"]).toBe("GET");
  expect((await emulator.state()).tokens.minted).toBe(minted);
  // The same server does mint on GET, so the count above could have moved.
  expect((await request.get(`${servers.appUrl}/api/token`)).status()).toBe(200);
  expect((await emulator.state()).tokens.minted).toBe(minted + 1);
});
