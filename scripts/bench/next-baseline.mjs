// The yardstick for the route and Lighthouse comparisons: the smallest Next
// app that does what ours does, built by the benchmark from the installed Next
// (same version, same bundler, same node_modules). It has a blank page and a
// GET /api/token that makes the same upstream call as ours and answers the
// same body shape, with none of our checks (origin, auth, rate limit, config
// validation, reply validation): the floor those checks add to.
//
// It lives in .bench/baseline inside the repo (git-ignored) rather than in a
// temp folder: Turbopack refuses a node_modules symlink that points outside
// the project, and from inside the repo Node finds ../../node_modules itself.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");
const nextVersion = require("next/package.json").version;

export const BASELINE_DIR = ".bench/baseline";

const FILES = {
  "next.config.mjs": "export default {};\n",
  "app/layout.js": `export const metadata = { title: "Blank" };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`,
  "app/page.js": `export default function Page() {
  return <main>Blank</main>;
}
`,
  "app/api/token/route.js": `export async function GET() {
  const upstream = await fetch(\`\${process.env.REACTOR_API_URL}/tokens\`, {
    method: "POST",
    headers: {
      "Reactor-API-Key": process.env.REACTOR_API_KEY,
      "Content-Type": "application/json",
    },
    body: JSON.stringify({
      expires_after: 3600,
      authorization_details: [
        {
          type: "session",
          resources: { models: { match: [process.env.REACTOR_MODEL] } },
          constraints: { max_sessions: 10 },
        },
      ],
    }),
    cache: "no-store",
  });
  const { jwt, expires_at } = await upstream.json();
  return Response.json(
    { jwt, expiresAt: expires_at * 1000 },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
`,
};

/** Writes and builds the baseline app unless an identical build exists. */
export async function buildBaseline() {
  const stamp = createHash("sha256")
    .update(nextVersion)
    .update(JSON.stringify(FILES))
    .digest("hex");
  const stampFile = join(BASELINE_DIR, ".stamp");
  if (
    existsSync(join(BASELINE_DIR, ".next/BUILD_ID")) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, "utf8") === stamp
  ) {
    return BASELINE_DIR;
  }
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(BASELINE_DIR, path)), { recursive: true });
    writeFileSync(join(BASELINE_DIR, path), text);
  }
  const child = spawn(process.execPath, [nextBin, "build", BASELINE_DIR], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (c) => (output += c));
  child.stderr.on("data", (c) => (output += c));
  const code = await new Promise((resolve) => child.once("exit", resolve));
  if (code !== 0) {
    throw new Error(`Building the baseline Next app failed:\n${output}`);
  }
  writeFileSync(stampFile, stamp);
  return BASELINE_DIR;
}
