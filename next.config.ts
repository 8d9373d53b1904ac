import type { NextConfig } from "next";

// Kept deliberately empty of app imports (server-only modules cannot load here)
// and of headers: the security headers depend on REACTOR_API_URL at run time,
// so proxy.ts computes them per request instead of fixing them at build time.
const nextConfig: NextConfig = {
  poweredByHeader: false,
};

export default nextConfig;
