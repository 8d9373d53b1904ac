import type { Page } from "@playwright/test";
import { openLive } from "./support/app";
import { expect, test } from "./support/clean-run";
import { emulator } from "./support/emulator";
import { expectFramesDecoding } from "./support/video";

// How the model describes itself varies by runtime; the page must build its
// controls from whichever description arrives, and keep working without one.
test.beforeEach(() => emulator.reset());

const sceneSelect = (page: Page) =>
  page.getByRole("combobox", { name: /^scene/ });

/** Send a scene other than the one playing; the model must switch to it. */
async function switchScene(page: Page) {
  const options = await sceneSelect(page).locator("option").allTextContents();
  const playing = (await emulator.state()).sessions[0]!.scene;
  const next = options.find((o) => o !== playing && o !== "Choose…")!;
  await sceneSelect(page).selectOption(next);
  await page.getByRole("button", { name: "Send set_scene" }).click();
  await expect
    .poll(async () => (await emulator.state()).sessions[0]!.scene)
    .toBe(next);
}

test("a legacy runtime's capabilities still give controls that work", async ({
  page,
}) => {
  await openLive(page, { schemaProtocol: "legacy" });
  await expect(sceneSelect(page)).toBeVisible();
  await expect(page.getByRole("button", { name: "Pause" })).toBeEnabled();
  await switchScene(page);
});

test("with no description at all the page still streams and offers a raw command", async ({
  page,
}) => {
  await openLive(page, { schemaProtocol: "none" });
  await expectFramesDecoding(page);
  await expect(page.getByText("This model publishes no controls")).toBeVisible({
    timeout: 20_000,
  });
  await page.getByRole("textbox", { name: "Command name" }).fill("pause");
  await page.getByRole("button", { name: "Send raw" }).click();
  await expect
    .poll(async () => (await emulator.state()).sessions[0]!.events)
    .toEqual([expect.objectContaining({ name: "pause" })]);
});

test("a malformed schema leaves a working page: what could be read, and what could not", async ({
  page,
}) => {
  await openLive(page, { schemaProtocol: "malformed" });
  await expectFramesDecoding(page);
  await expect(
    page.getByText(/The model's schema has \d+ problem/),
  ).toBeVisible();
  await switchScene(page);
});
