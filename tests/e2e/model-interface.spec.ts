import type { Page } from "@playwright/test";
import { openLive } from "./support/app";
import { expect, test } from "./support/clean-run";
import { emulator } from "./support/emulator";

// Where the page gets the model's controls from, per runtime generation
// (emulator scenario `schemaProtocol`): today's OpenAPI schema, an older
// runtime's modelCapabilities list, or nothing at all.

const source = (page: Page) => page.getByTestId("model-interface-source");

async function schemaRequests(): Promise<number> {
  const [session] = (await emulator.state()).sessions as unknown as {
    schemaRequests: number;
  }[];
  return session?.schemaRequests ?? 0;
}

// Fails on any console error or CSP violation (support/clean-run.ts).
test.beforeEach(() => emulator.reset());

test("a current runtime: the controls come from the schema", async ({
  page,
}) => {
  await openLive(page, { schemaProtocol: "current" });
  await expect(source(page)).toHaveAttribute("data-source", "schema");
  await expect(source(page)).toHaveAttribute("data-pending", "false");
  await expect(source(page)).not.toHaveText(/publishes no controls/);
  // The schema arrived: the page stopped asking.
  const asked = await schemaRequests();
  await page.waitForTimeout(2_500);
  expect(await schemaRequests()).toBe(asked);

  // The controls it built drive the model.
  await page.getByRole("combobox", { name: /^scene/ }).selectOption("night");
  await page.getByRole("button", { name: "Send set_scene" }).click();
  await expect
    .poll(async () => (await emulator.state()).sessions[0]?.scene)
    .toBe("night");
});

test("a model that loads late: the page asks again until the schema comes", async ({
  page,
}) => {
  // Requests before the model has loaded are dropped, as runtime 3.x does.
  await openLive(page, { schemaProtocol: "current", modelLoadMs: 3_000 });
  await expect(source(page)).toHaveAttribute("data-source", "schema");
  expect(await schemaRequests()).toBeGreaterThanOrEqual(2);
});

test("a legacy runtime: the controls come from modelCapabilities", async ({
  page,
}) => {
  await openLive(page, { schemaProtocol: "legacy" });
  await expect(source(page)).toHaveAttribute("data-source", "capabilities");
  await expect(source(page)).not.toHaveText(/publishes no controls/);
});

test("a runtime that publishes nothing: the page says so within 15 s", async ({
  page,
}) => {
  await openLive(page, { schemaProtocol: "none" });
  // Tracks only, from the HTTP session.
  await expect(source(page)).toHaveAttribute("data-source", "session");
  await expect(source(page)).toHaveText("This model publishes no controls", {
    timeout: 15_000,
  });
  // No generated forms; only the raw command remains.
  await expect(page.getByRole("form")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Send raw" })).toBeVisible();
  // Six asks, 2 s apart, then it stops.
  await page.waitForTimeout(1_000);
  expect(await schemaRequests()).toBe(6);
});
