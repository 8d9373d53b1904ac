// Fails when a production server bundle would carry dev-only code: the
// emulator, tests, or any devDependency (werift, tsx, playwright, vitest, msw
// and the rest). Run after `next build` (also with VERCEL=1, and after
// `npm run build:standalone` to check .next/standalone too):
//
//   node scripts/check-server-traces.mjs
import { existsSync } from "node:fs";
import { findDevOnlyTraces } from "./lib/server-traces.mjs";

if (!existsSync(".next/BUILD_ID")) {
  console.error("No production build in .next: run `npm run build` first.");
  process.exit(1);
}
const problems = findDevOnlyTraces({ root: process.cwd() });
if (problems.length > 0) {
  console.error(
    `Server traces include dev-only files (${problems.length}). Find the server import that pulls each in and move it behind a dev-only path:`,
  );
  for (const line of problems) console.error(`  ${line}`);
  process.exit(1);
}
console.log("Server traces hold no dev-only files.");
