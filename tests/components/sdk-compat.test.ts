import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("@reactor-team/js-sdk", async () => {
  const { fakeSdkModule } = await import("@test/support/fake-sdk");
  return fakeSdkModule;
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
  vi.restoreAllMocks();
});

async function install(nodeEnv: string) {
  vi.stubEnv("NODE_ENV", nodeEnv);
  const spy = vi.spyOn(console, "debug").mockImplementation(() => undefined);
  const { quietSdkConsole } = await import("@/components/sdk-compat");
  quietSdkConsole();
  return spy;
}

describe("quietSdkConsole", () => {
  it("drops the SDK's debug lines in production, token included", async () => {
    const spy = await install("production");
    console.debug("[ReactorStore] Creating store", { jwtToken: "eyJ.secret" });
    console.debug("[WebRTCTransport] ICE state", "checking");
    expect(spy).not.toHaveBeenCalled();
  });

  it("keeps the app's own debug lines in production", async () => {
    const spy = await install("production");
    console.debug("app: something");
    expect(spy).toHaveBeenCalledWith("app: something");
  });

  it("leaves the console alone in development", async () => {
    const spy = await install("development");
    console.debug("[Reactor] Connecting");
    expect(spy).toHaveBeenCalledWith("[Reactor] Connecting");
  });
});
