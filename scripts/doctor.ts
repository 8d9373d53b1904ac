// `npm run doctor`: checks this machine, the configuration and the path to
// Reactor, and says what to fix (README, "Troubleshooting"). `--live` runs one
// real session end to end. Run through tsx with `--conditions=react-server`
// so `server-only` resolves to its empty module and the doctor reads the
// configuration with the server's own schema (lib/server/env.ts).
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import nextEnv from "@next/env";
import { runDoctor } from "./doctor/run";

const USAGE = `Usage: npm run doctor [-- --json] [-- --live [--yes] [--seconds N]]

  --json       print one JSON report for machines
  --live       start one real session (billed): WebRTC, video packets, schema, DELETE
  --yes, -y    do not ask before the live session
  --seconds N  how long the live check counts video packets (default 5)

Exit code: 0 when every required check passed, 1 when one failed, 2 for bad arguments.`;

let args;
try {
  args = parseArgs({
    options: {
      json: { type: "boolean", default: false },
      live: { type: "boolean", default: false },
      yes: { type: "boolean", short: "y", default: false },
      seconds: { type: "string", default: "5" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  }).values;
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const seconds = Number(args.seconds);
if (!Number.isInteger(seconds) || seconds < 1 || seconds > 60) {
  console.error(`--seconds must be a whole number from 1 to 60.\n\n${USAGE}`);
  process.exit(2);
}

// The same files, in the same order, as `next dev` (the shell's variables win).
const { loadedEnvFiles } = nextEnv.loadEnvConfig(process.cwd(), true, {
  info() {},
  error: (message: string) => console.error(message),
});

const colour =
  !args.json && process.stdout.isTTY === true && !process.env.NO_COLOR;

const code = await runDoctor({
  env: process.env,
  envFiles: loadedEnvFiles.map((file) => file.path),
  live: args.live,
  yes: args.yes,
  json: args.json,
  seconds,
  colour,
  write: (text) => process.stdout.write(text),
  progress: (text) => (args.json ? process.stderr : process.stdout).write(text),
  async confirm(question) {
    if (!process.stdin.isTTY) {
      console.error(
        "Not a terminal, so nobody can confirm the live session: pass --yes.",
      );
      return false;
    }
    const prompt = createInterface({
      input: process.stdin,
      output: process.stdout,
    });
    const answer = await prompt.question(question);
    prompt.close();
    return /^y(es)?$/i.test(answer.trim());
  },
});

// werift keeps sockets and timers alive after the peer closes; everything is
// printed by now, so leave once stdout has drained.
process.stdout.write("", () => process.exit(code));
