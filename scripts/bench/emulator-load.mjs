// The emulator's CPU and memory, idle and with 1 and 4 bare pages streaming.
// Reads /proc/<pid>/stat and /status, so it is Linux-only: elsewhere the
// section says so and is skipped.
import { existsSync, readFileSync } from "node:fs";
import { bareTarget, resetEmulator } from "./first-frame.mjs";

export const SAMPLE_SECONDS = 10;
// Generous: on a loaded machine four WebRTC streams take a while to start.
const STREAM_START_TIMEOUT_MS = 90_000;
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export const canSample = () => existsSync("/proc/self/stat");

function cpuTicks(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8")
    .split(") ")[1]
    .split(" ");
  return Number(fields[11]) + Number(fields[12]); // utime + stime
}
const rssMb = (pid) =>
  Number(
    /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))[1],
  ) / 1024;

async function sample(pid) {
  const t0 = cpuTicks(pid);
  await new Promise((r) => setTimeout(r, SAMPLE_SECONDS * 1000));
  const cpu = ((cpuTicks(pid) - t0) / TICKS_PER_SECOND / SAMPLE_SECONDS) * 100;
  return { cpu, rss: rssMb(pid) };
}

/** [{ streams, cpu, rss }] for 0, 1 and 4 streams. */
export async function benchEmulatorLoad({ browser, emulator, bareUrl }) {
  const rows = [];
  await resetEmulator(emulator.url);
  rows.push({ streams: 0, ...(await sample(emulator.pid)) });
  for (const streams of [1, 4]) {
    await resetEmulator(emulator.url);
    const contexts = [];
    for (let i = 0; i < streams; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const target = await bareTarget(bareUrl, emulator.url);
      await page.addInitScript(target.init);
      await page.goto(target.url);
      await page.getByRole("button", { name: "Connect" }).click();
      await page
        .getByRole("status")
        .filter({ hasText: "ready" })
        .waitFor({ timeout: STREAM_START_TIMEOUT_MS });
      contexts.push(context);
    }
    rows.push({ streams, ...(await sample(emulator.pid)) });
    for (const context of contexts) await context.close();
  }
  return rows;
}
