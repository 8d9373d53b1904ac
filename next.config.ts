import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { NextConfig } from "next";

// Kept deliberately empty of app imports (server-only modules cannot load here)
// and of headers: the security headers depend on REACTOR_API_URL at run time,
// so proxy.ts computes them per request instead of fixing them at build time.

/** `version` from a package.json under the project root. */
const versionOf = (path: string): string =>
  (
    JSON.parse(readFileSync(join(process.cwd(), path), "utf8")) as {
      version: string;
    }
  ).version;

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm run build:standalone` (scripts/build-standalone.mjs) sets this for
  // self-hosting: .next/standalone then holds a server.js with only the files
  // it needs (the Dockerfile ships that folder). Off by default because
  // `next start` warns against a standalone build, and Vercel builds its own way.
  ...(process.env.BUILD_STANDALONE === "1" && { output: "standalone" }),
  // Two strings for the diagnostics report (lib/app-info.ts), inlined at
  // build time instead of bundling whole package.json files.
  env: {
    NEXT_PUBLIC_APP_VERSION: versionOf("package.json"),
    NEXT_PUBLIC_REACTOR_SDK_VERSION: versionOf(
      "node_modules/@reactor-team/js-sdk/package.json",
    ),
  },
};

export default nextConfig;
