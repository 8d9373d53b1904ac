import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    // Components are the common case; server and emulator tests opt into the
    // node environment with a `// @vitest-environment node` first line.
    environment: "jsdom",
    setupFiles: ["./tests/setup.ts"],
    include: ["tests/**/*.test.{ts,tsx}"],
    // tests/integration needs the production build: `npm run test:integration`.
    exclude: ["tests/e2e/**", "tests/integration/**", "node_modules/**"],
    // The emulator tests start real WebRTC peers; give them room on a busy CI runner.
    testTimeout: 20_000,
  },
});
