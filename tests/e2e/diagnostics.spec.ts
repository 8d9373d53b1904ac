import { expect, test } from "./support/clean-run";
import { connect, openApp, openLive } from "./support/app";
import { emulator } from "./support/emulator";
import { CANARY_KEY } from "./support/servers";

test.beforeEach(() => emulator.reset());

test("time to first frame and live stats show once the stream plays", async ({
  page,
}) => {
  await openLive(page);

  const stats = page.getByTestId("connection-stats");
  await expect(stats.getByText("First frame")).toBeVisible();
  await expect
    .poll(async () => Number(await stats.getAttribute("data-ttff-ms")))
    .toBeGreaterThan(0);
  for (const label of ["First frame", "Round trip", "Frame rate"]) {
    await expect(
      stats.locator("div", { hasText: label }).locator("dd"),
    ).toHaveText(/^\d+ (ms|fps)$/);
  }
  await expect(
    stats.locator("div", { hasText: "Packet loss" }).locator("dd"),
  ).toHaveText(/^\d+\.\d %$/);
  await expect(
    stats.locator("div", { hasText: "Jitter" }).locator("dd"),
  ).toHaveText(/^\d+ ms$/);
  await expect(
    stats.locator("div", { hasText: "Route" }).locator("dd"),
  ).toHaveText(/^(host|srflx|prflx|relay)$/);
});

test("copied diagnostics parse as JSON, describe the session and contain no JWT", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const tokenResponse = page.waitForResponse("**/api/token");
  await openApp(page);
  const { jwt } = (await (await tokenResponse).json()) as { jwt: string };
  expect(jwt).toMatch(/^eyJ/);
  await connect(page);
  // Wait for the stats the report includes (the SDK refreshes them every ~2 s).
  await expect(page.getByTestId("connection-stats")).toHaveAttribute(
    "data-ttff-ms",
    /\d/,
  );

  await page.getByText("Diagnostics", { exact: true }).click();
  await page.getByRole("button", { name: "Copy diagnostics" }).click();
  await expect(page.getByText("Copied.")).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const report = JSON.parse(copied);

  const [session] = (await emulator.state()).sessions;
  expect(report).toMatchObject({
    sdk: { version: "2.9.0" },
    app: { version: expect.stringMatching(/^\d+\.\d+\.\d+/) },
    model: "acme/test-pattern",
    apiOrigin: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
    emulator: true,
    sessionId: session!.id,
    timeToFirstFrameMs: expect.any(Number),
    connectionTimings: { totalMs: expect.any(Number) },
    stats: { candidateType: expect.any(String) },
    // Playwright's "Desktop Chrome" device sends a Windows user agent.
    browser: { browser: expect.stringMatching(/^Chrome /), os: "Windows" },
  });
  const statuses = report.statusHistory.map(
    (s: { status: string }) => s.status,
  );
  expect(statuses).toEqual(
    expect.arrayContaining(["disconnected", "connecting", "ready"]),
  );
  // The token minted in idle time was in hand: Connect went straight on.
  expect(statuses).not.toContain("preparing");
  for (const part of jwt.split(".")) expect(copied).not.toContain(part);
  expect(copied).not.toContain(CANARY_KEY);

  // The panel shows the same document.
  const shown = JSON.parse(
    await page.getByTestId("diagnostics-json").innerText(),
  );
  expect(shown.sessionId).toBe(session!.id);
});
