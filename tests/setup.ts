import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, vi } from "vitest";
import { server } from "@test/msw/server";

// `server-only` throws outside Next's react-server build; the modules that
// import it are exactly the ones these tests exercise.
vi.mock("server-only", () => ({}));

// Any request no handler expects fails the test, so a pass proves the code
// under test never reached a real network (and never api.reactor.inc).
// Loopback is exempt on purpose: the servers tests start there themselves
// (the emulator on 127.0.0.1 in tests/emulator and tests/scripts/doctor) are
// real, and mocking them would test nothing.
beforeAll(() =>
  server.listen({
    onUnhandledRequest(request, print) {
      const { hostname } = new URL(request.url);
      if (hostname === "127.0.0.1" || hostname === "localhost") return;
      print.error();
    },
  }),
);
afterEach(() => {
  server.resetHandlers();
  cleanup();
});
afterAll(() => server.close());
