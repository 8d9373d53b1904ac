// `npm run build:standalone`: `next build` with `output: "standalone"`
// (next.config.ts), then the two folders Next leaves out of
// .next/standalone on purpose (it expects a CDN to serve them): public/ and
// .next/static/. After this, .next/standalone is a self-contained server:
//
//   cd .next/standalone && PORT=3000 HOSTNAME=0.0.0.0 node server.js
//
// https://nextjs.org/docs/app/api-reference/config/next-config-js/output
import { spawnSync } from "node:child_process";
import { cpSync, existsSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");

const build = spawnSync(process.execPath, [nextBin, "build"], {
  stdio: "inherit",
  env: { ...process.env, BUILD_STANDALONE: "1" },
});
if (build.status !== 0) process.exit(build.status ?? 1);

if (!existsSync(".next/standalone/server.js")) {
  console.error(
    'next build finished without .next/standalone/server.js: check that next.config.ts still sets output: "standalone" when BUILD_STANDALONE=1.',
  );
  process.exit(1);
}
cpSync(".next/static", ".next/standalone/.next/static", { recursive: true });
if (existsSync("public")) {
  cpSync("public", ".next/standalone/public", { recursive: true });
}
console.log(
  "\nStandalone server in .next/standalone: run `node .next/standalone/server.js` (PORT and HOSTNAME set where it listens).",
);
