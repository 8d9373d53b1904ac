import { expect, test } from "./support/clean-run";
import { connect } from "./support/app";
import { emulator } from "./support/emulator";
import { servers } from "./support/servers";
import { expectFramesDecoding } from "./support/video";

test.beforeEach(() => emulator.reset());

test("under StrictMode (next dev) one Connect makes exactly one session", async ({
  page,
}) => {
  // The first request compiles the page and the SDK chunk.
  test.setTimeout(120_000);
  await page.goto(servers.devUrl);
  await expect(page.getByRole("button", { name: "Connect" })).toBeEnabled({
    timeout: 60_000,
  });
  await connect(page);
  await expectFramesDecoding(page);
  await page.waitForTimeout(500);
  const { counts } = await emulator.state();
  expect(counts).toEqual({ created: 1, active: 1 });
});
