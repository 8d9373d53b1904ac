import type { Page } from "@playwright/test";
import { openLive } from "./support/app";
import { expect, test } from "./support/clean-run";
import { emulator } from "./support/emulator";
import { servers } from "./support/servers";
import { expectFramesDecoding, meanColor } from "./support/video";

// A text-and-image video model, driven only through controls the page builds
// from the schema the emulator publishes for it.
test.use({ baseURL: servers.heliosUrl });
test.beforeEach(() => emulator.reset());

// A real 1×1 PNG: the emulator reads its size from the header.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

const promptForm = (page: Page) =>
  page.getByRole("form", { name: /^Set prompt/ });
const startButton = (page: Page) =>
  page.getByRole("button", { name: "Start", exact: true });
const messages = (page: Page) => page.getByRole("list", { name: "Messages" });

async function setPrompt(page: Page, prompt: string) {
  const form = promptForm(page);
  await form.getByRole("textbox", { name: "prompt" }).fill(prompt);
  await form.getByRole("button", { name: "Send set_prompt" }).click();
}

async function session() {
  const [only] = (await emulator.state()).sessions;
  expect(only).toBeDefined();
  return only!;
}

test("the controls appear with the next step, and frames flow only after a prompt and Start", async ({
  page,
}) => {
  await openLive(page);
  await expect(page.getByRole("note")).toHaveText("Set a prompt, then Start");
  await expect(page.getByRole("combobox", { name: "sr_scale" })).toHaveValue(
    /\d/,
  );
  await expect(
    page.getByRole("slider", { name: "image_strength" }),
  ).toBeVisible();

  // Dark until started: the model sends no frames yet.
  await page.waitForTimeout(1_500);
  expect((await session()).framesSent).toBe(0);

  await setPrompt(page, "a forest at dawn");
  await expect(messages(page)).toContainText("prompt_accepted");
  await expect(page.getByRole("note")).toHaveText("Now press Start");
  await startButton(page).click();
  await expectFramesDecoding(page);
  await expect(page.getByRole("note")).toHaveCount(0);
  expect((await session()).events.map((e) => e.name)).toEqual([
    "set_prompt",
    "start",
  ]);
  await expect(page.getByRole("table", { name: "Model state" })).toContainText(
    "a forest at dawn",
  );
});

test("a new prompt changes the picture", async ({ page }) => {
  await openLive(page);
  await setPrompt(page, "a forest at dawn");
  await startButton(page).click();
  await expectFramesDecoding(page);
  const before = await meanColor(page);

  await setPrompt(page, "a city at night");
  await expect
    .poll(
      async () => {
        const after = await meanColor(page);
        return Math.max(...after.map((c, i) => Math.abs(c - before[i]!)));
      },
      { timeout: 15_000 },
    )
    .toBeGreaterThan(20);
});

test("an image uploads through the SDK and the model accepts it", async ({
  page,
}) => {
  await openLive(page);
  const form = page.getByRole("form", {
    name: "Set image set_image",
    exact: true,
  });
  await form.getByLabel("image", { exact: true }).setInputFiles({
    name: "dot.png",
    mimeType: "image/png",
    buffer: PNG,
  });
  await form.getByRole("button", { name: "Send set_image" }).click();
  await expect(messages(page)).toContainText(
    'image_accepted {"width":1,"height":1}',
  );
  const { uploads, events } = await session();
  expect(uploads).toEqual([
    expect.objectContaining({ name: "dot.png", size: PNG.length }),
  ]);
  expect(events.map((e) => e.name)).toEqual(["set_image"]);
});

test("Start without a prompt shows the model's command_error beside Start", async ({
  page,
}) => {
  await openLive(page);
  await startButton(page).click();
  const item = page
    .getByRole("list", { name: "Lifecycle" })
    .getByRole("listitem")
    .filter({ has: startButton(page) });
  await expect(item.getByRole("alert")).toHaveText("prompt is empty");
});

test("an out-of-range value cannot be sent", async ({ page }) => {
  await openLive(page);
  const form = page.getByRole("form", { name: /^Schedule prompt/ });
  const chunk = form.getByRole("spinbutton", { name: "chunk" });
  await chunk.fill("-1");
  await expect(form.getByText("Must be at least 0")).toBeVisible();
  await expect(
    form.getByRole("button", { name: "Send schedule_prompt" }),
  ).toBeDisabled();
  await chunk.press("Enter");
  await page.waitForTimeout(500);
  const { events, rejected } = await session();
  expect(events).toEqual([]);
  expect(rejected).toEqual([]);
});
