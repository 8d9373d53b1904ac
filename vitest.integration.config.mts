import { defineConfig } from "vitest/config";

// `npm run test:integration`: real processes (two `next start`, redis-server)
// against the production build, so it runs after `npm run build`, apart from
// the unit suite.
export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    environment: "node",
    include: ["tests/integration/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
