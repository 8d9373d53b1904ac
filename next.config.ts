import type { NextConfig } from "next";

// Kept deliberately empty of app imports (server-only modules cannot load here)
// and of headers: the security headers depend on REACTOR_API_URL at run time,
// so proxy.ts computes them per request instead of fixing them at build time.
const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm run build:standalone` (scripts/build-standalone.mjs) sets this for
  // self-hosting: .next/standalone then holds a server.js with only the files
  // it needs (the Dockerfile ships that folder). Off by default because
  // `next start` warns against a standalone build, and Vercel builds its own way.
  ...(process.env.BUILD_STANDALONE === "1" && { output: "standalone" }),
};

export default nextConfig;
