import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "./support/clean-run";
import { openLive } from "./support/app";
import { emulator } from "./support/emulator";
import { CANARY_KEY } from "./support/servers";
import { expectFramesDecoding } from "./support/video";

test.beforeEach(() => emulator.reset());

test("the API key never reaches the browser, and no token reaches the console", async ({
  page,
}) => {
  const seen: string[] = [];
  const consoleLines: string[] = [];
  const jwts: string[] = [];

  page.on("console", (message) => consoleLines.push(message.text()));
  page.on("response", async (response) => {
    const headers = JSON.stringify(await response.allHeaders());
    const body = await response.text().catch(() => "");
    seen.push(`${response.url()}\n${headers}\n${body}`);
    if (response.url().endsWith("/api/token") && response.ok()) {
      jwts.push(JSON.parse(body).jwt);
    }
  });

  await openLive(page);
  // A full session: media decoding and the model's `state` messages (about
  // one a second) flowing over the data channel while the SDK logs.
  await expectFramesDecoding(page);
  await page.waitForTimeout(1_500);
  await page.getByRole("button", { name: "Disconnect" }).click();

  expect(seen.length).toBeGreaterThan(5);
  expect(jwts.length).toBeGreaterThan(0);
  for (const entry of seen) expect(entry).not.toContain(CANARY_KEY);
  for (const line of consoleLines) {
    expect(line).not.toContain(CANARY_KEY);
    for (const jwt of jwts) expect(line).not.toContain(jwt);
  }
});

test("no built asset contains the API key", () => {
  // Build and key are separate by design (the key is read at run time), so
  // this guards against someone moving it into a NEXT_PUBLIC_ variable.
  const files = readdirSync(".next/static", { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".js") || f.endsWith(".css"));
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    expect(readFileSync(join(".next/static", file), "utf8")).not.toContain(
      CANARY_KEY,
    );
  }
});
