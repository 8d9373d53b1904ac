// @vitest-environment node
import { request as httpRequest } from "node:http";
import { describe, expect, test } from "vitest";
import { isBrowserApiPath } from "@/emulator/http/cors";
import { startTestEmulator } from "@test/emulator/support/emulator";

/** fetch() cannot set Host; node:http can. */
function getWithHost(url: string, path: string, host: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(
      `${url}${path}`,
      { headers: { Host: host } },
      (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode!, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

describe("Host check (DNS rebinding)", () => {
  test.each([
    "attacker.example",
    "attacker.example:8787",
    "127.0.0.1.attacker.example",
    "localhost.attacker.example",
  ])("Host %j → 403, admin and API alike", async (host) => {
    const { url } = await startTestEmulator();
    for (const path of ["/_emulator/state", "/sessions/abc"]) {
      const { status, body } = await getWithHost(url, path, host);
      expect(status, path).toBe(403);
      expect(body).toContain("loopback");
    }
  });

  test.each(["127.0.0.1", "127.0.0.1:8787", "localhost:3000", "[::1]:8787"])(
    "Host %j is served",
    async (host) => {
      const { url } = await startTestEmulator();
      expect((await getWithHost(url, "/_emulator/state", host)).status).toBe(
        200,
      );
    },
  );
});

describe("CORS only where the browser SDK calls", () => {
  test.each([
    "/sessions",
    "/sessions/abc",
    "/sessions/abc/transport/webrtc/sdp_params",
    "/sessions/abc/uploads",
    "/uploads/xyz",
    "/start_session",
    "/stop_session",
  ])("%s is a browser path", (path) => {
    expect(isBrowserApiPath(path)).toBe(true);
  });

  test.each([
    "/tokens",
    "/_emulator/state",
    "/_emulator/scenario",
    "/_emulator/reset",
    "/sessionsx",
    "/",
  ])("%s is not", (path) => {
    expect(isBrowserApiPath(path)).toBe(false);
  });

  test("API responses carry Allow-Origin; token responses do not", async () => {
    const { url } = await startTestEmulator();
    const session = await fetch(`${url}/sessions/abc`, {
      headers: { Origin: "http://localhost:3000" },
    });
    expect(session.headers.get("access-control-allow-origin")).toBe("*");
    const token = await fetch(`${url}/tokens`, {
      method: "POST",
      headers: { Origin: "http://localhost:3000" },
    });
    expect(token.headers.get("access-control-allow-origin")).toBeNull();
  });
});
