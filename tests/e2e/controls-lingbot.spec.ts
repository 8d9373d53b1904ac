import { openLive } from "./support/app";
import { expect, test } from "./support/clean-run";
import { emulator } from "./support/emulator";
import { servers } from "./support/servers";

// A world model steered with held keys: the page binds them from the shape of
// its movement and look events (enums that include "idle").
test.use({ baseURL: servers.lingbotUrl });
test.beforeEach(() => emulator.reset());

test("held keys send movement and look, then idle on release", async ({
  page,
}) => {
  await openLive(page);
  await expect(page.getByRole("button", { name: "Forward W" })).toBeEnabled();

  await page.keyboard.down("w");
  await page.keyboard.down("ArrowLeft");
  await expect(page.getByRole("button", { name: "Forward W" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  const modelState = async () =>
    (await emulator.state()).sessions[0]!.modelState;
  await expect
    .poll(modelState)
    .toMatchObject({ movement: "forward", look_horizontal: "left" });
  await page.keyboard.up("w");
  await page.keyboard.up("ArrowLeft");

  await expect
    .poll(async () => {
      const [session] = (await emulator.state()).sessions;
      return session!.events.map((e) => e.name);
    })
    .toEqual([
      "set_movement",
      "set_look_horizontal",
      "set_movement",
      "set_look_horizontal",
    ]);
  const [session] = (await emulator.state()).sessions;
  expect(session!.rejected).toEqual([]);
  expect(await modelState()).toMatchObject({
    movement: "idle",
    look_horizontal: "idle",
  });
});
