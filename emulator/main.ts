import { readCliConfig } from "./cli-config";
import { startEmulator } from "./server";

// `npm run emulator`: the emulator on its own. Environment: see cli-config.ts.

let config;
try {
  config = readCliConfig(process.env);
} catch (error) {
  console.error(
    `emulator: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}

const emulator = await startEmulator(config).catch((error: unknown) => {
  console.error(
    `emulator: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});

// The dev script and e2e setup wait for exactly this line.
console.log(`Reactor emulator listening on ${emulator.url}`);
if (!["127.0.0.1", "::1", "localhost"].includes(config.host)) {
  console.warn(
    `emulator: bound to ${config.host}; its admin endpoints are reachable by anyone who can reach it`,
  );
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void emulator.close().then(() => process.exit(0));
  });
}
