// @vitest-environment node
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import {
  CreateSessionResponseSchema,
  SDK_SOURCE_SNIPPETS,
  SessionResponseSchema,
} from "@test/emulator/support/sdk-schemas";
import {
  createSessionBody,
  sdkHeaders,
  startTestEmulator,
  transportHeaders,
} from "@test/emulator/support/emulator";

test("POST /sessions answers 201 with the slim body SDK 2.9.0 parses", async () => {
  const { api } = await startTestEmulator();
  const { jwt } = await api.mint();
  const response = await api.createSession(jwt);
  expect(response.status).toBe(201);
  const body = CreateSessionResponseSchema.parse(response.json);
  expect(body.state).toBe("CREATED");
  expect(body.model.name).toBe("acme/test-pattern");
  expect(response.json).not.toHaveProperty("capabilities");
});

test("polling walks PENDING (GPU wait) → WAITING → ACTIVE with capabilities and selected_transport", async () => {
  const { api } = await startTestEmulator({
    scenario: { gpuDelayMs: 150 },
    timings: { startupMs: 120 },
  });
  const { jwt } = await api.mint();
  const id = (await api.createSession(jwt)).json.session_id;
  const seen: string[] = [];
  let ready;
  for (let i = 0; i < 100 && !ready; i++) {
    const response = await api.request("GET", `/sessions/${id}`, {
      headers: sdkHeaders(jwt),
    });
    expect(response.status).toBe(200);
    const body = SessionResponseSchema.parse(response.json);
    if (seen.at(-1) !== body.state) seen.push(body.state);
    if (body.capabilities && body.selected_transport) ready = body;
    else await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(seen).toEqual(["PENDING", "WAITING", "ACTIVE"]);
  expect(ready!.selected_transport).toEqual({
    protocol: "webrtc",
    version: "1.0",
  });
  expect(ready!.capabilities!.tracks).toEqual([
    { name: "main_video", kind: "video", direction: "recvonly" },
    { name: "webcam", kind: "video", direction: "sendonly" },
  ]);
  // Today's runtimes list no commands here: the schema document on the data channel has them.
  expect(ready!.capabilities!.commands).toEqual([]);
  expect(ready!.capabilities!.protocol_version).toBe("v0");
});

test("each profile's tracks reach the session body in the client's point of view", async () => {
  const { api } = await startTestEmulator();
  const { jwt } = await api.mint();
  for (const model of ["reactor/helios", "reactor/lingbot", "helios"]) {
    const id = (await api.createSession(jwt, model)).json.session_id;
    const body = await api.waitReady(jwt, id);
    expect(body.capabilities.tracks).toEqual([
      { name: "main_video", kind: "video", direction: "recvonly" },
    ]);
    expect(body.capabilities.commands).toEqual([]);
  }
});

test("DELETE closes the session: 200, then polls show CLOSED (terminal for the SDK)", async () => {
  const { api } = await startTestEmulator();
  const { jwt } = await api.mint();
  const id = (await api.createSession(jwt)).json.session_id;
  const deleted = await api.request("DELETE", `/sessions/${id}`, {
    headers: sdkHeaders(jwt),
  });
  expect(deleted.status).toBe(200);
  const polled = await api.request("GET", `/sessions/${id}`, {
    headers: sdkHeaders(jwt),
  });
  expect(SessionResponseSchema.parse(polled.json).state).toBe("CLOSED");
  expect(polled.json).not.toHaveProperty("capabilities");
  // Deleting again is harmless.
  expect(
    (
      await api.request("DELETE", `/sessions/${id}`, {
        headers: sdkHeaders(jwt),
      })
    ).status,
  ).toBe(200);
  const [session] = (await api.state()).sessions;
  expect(session).toMatchObject({
    id,
    state: "CLOSED",
    closeReason: "client_delete",
  });
});

test("unknown sessions are 404 (which the SDK's DELETE treats as success)", async () => {
  const { api } = await startTestEmulator();
  const { jwt } = await api.mint();
  for (const method of ["GET", "DELETE"]) {
    const response = await api.request(
      method,
      "/sessions/00000000-0000-0000-0000-000000000000",
      {
        headers: sdkHeaders(jwt),
      },
    );
    expect(response.status).toBe(404);
    expect(response.json.error).toEqual(expect.any(String));
  }
});

test("GET /sessions/{id}/info gives the lightweight body", async () => {
  const { api } = await startTestEmulator();
  const { jwt } = await api.mint();
  const id = (await api.createSession(jwt)).json.session_id;
  const response = await api.request("GET", `/sessions/${id}/info`, {
    headers: sdkHeaders(jwt),
  });
  expect(response.json).toEqual({
    session_id: id,
    state: expect.any(String),
    cluster: expect.any(String),
  });
});

test("a request body without model.name is 400", async () => {
  const { api } = await startTestEmulator();
  const { jwt } = await api.mint();
  const response = await api.request("POST", "/sessions", {
    headers: sdkHeaders(jwt),
    body: { model: {} },
  });
  expect(response.status).toBe(400);
  const noWebrtc = await api.request("POST", "/sessions", {
    headers: sdkHeaders(jwt),
    body: {
      ...createSessionBody(),
      supported_transports: [{ protocol: "websocket", version: "1" }],
    },
  });
  expect(noWebrtc.status).toBe(400);
});

// Who may act on a session (auth/session-access.ts, auth/request-auth.ts).

test("session endpoints without a bearer token are 401", async () => {
  const { api } = await startTestEmulator();
  const { jwt } = await api.mint();
  const id = (await api.createSession(jwt)).json.session_id;
  const noAuth = { "Reactor-API-Version": "1" };
  expect(
    (
      await api.request("POST", "/sessions", {
        headers: noAuth,
        body: createSessionBody(),
      })
    ).status,
  ).toBe(401);
  expect(
    (await api.request("GET", `/sessions/${id}`, { headers: noAuth })).status,
  ).toBe(401);
  expect(
    (await api.request("DELETE", `/sessions/${id}`, { headers: noAuth }))
      .status,
  ).toBe(401);
  expect(
    (await api.request("GET", `/sessions/${id}/transport/webrtc/ice_servers`))
      .status,
  ).toBe(401);
  // An API key is not a bearer token.
  const withKey = await api.request("GET", `/sessions/${id}`, {
    headers: { ...noAuth, "Reactor-API-Key": "rk_test_key_123" },
  });
  expect(withKey.status).toBe(401);
  expect(withKey.json).toEqual({ error: "missing bearer token" });
});

test("a scoped token may only act on sessions it created itself (403)", async () => {
  const { api } = await startTestEmulator();
  const scope = {
    authorization_details: [
      { type: "session", resources: { models: { match: ["reactor/helios"] } } },
    ],
  };
  const first = (await api.mint(scope)).jwt;
  const second = (await api.mint(scope)).jwt;
  const id = (await api.createSession(first, "reactor/helios")).json.session_id;
  const response = await api.request("GET", `/sessions/${id}`, {
    headers: sdkHeaders(second),
  });
  expect(response.status).toBe(403);
  expect(response.json.error).toMatch(/sessions it created/);
  const transport = await api.request(
    "GET",
    `/sessions/${id}/transport/webrtc/ice_servers`,
    {
      headers: transportHeaders(second),
    },
  );
  expect(transport.status).toBe(403);
  expect(
    (
      await api.request("DELETE", `/sessions/${id}`, {
        headers: sdkHeaders(second),
      })
    ).status,
  ).toBe(403);
  expect(
    (
      await api.request("GET", `/sessions/${id}`, {
        headers: sdkHeaders(first),
      })
    ).status,
  ).toBe(200);
});

test("unscoped tokens share the account of their key; other keys get 403", async () => {
  const { api } = await startTestEmulator();
  const mine = (await api.mint()).jwt;
  const mineToo = (await api.mint()).jwt;
  const stranger = (await api.mint(undefined, "rk_someone_else")).jwt;
  const id = (await api.createSession(mine)).json.session_id;
  expect(
    (
      await api.request("GET", `/sessions/${id}`, {
        headers: sdkHeaders(mineToo),
      })
    ).status,
  ).toBe(200);
  expect(
    (
      await api.request("GET", `/sessions/${id}`, {
        headers: sdkHeaders(stranger),
      })
    ).status,
  ).toBe(403);
});

test("a Reactor-API-Version other than 1 is 426 (the SDK's CLIENT_VERSION_TOO_OLD)", async () => {
  const { api } = await startTestEmulator();
  const { jwt } = await api.mint();
  const id = (await api.createSession(jwt)).json.session_id;
  const v2 = { ...sdkHeaders(jwt), "Reactor-API-Version": "2" };
  expect(
    (
      await api.request("POST", "/sessions", {
        headers: v2,
        body: createSessionBody(),
      })
    ).status,
  ).toBe(426);
  expect(
    (await api.request("GET", `/sessions/${id}`, { headers: v2 })).status,
  ).toBe(426);
  const missing: Record<string, string> = { ...sdkHeaders(jwt) };
  delete missing["Reactor-API-Version"];
  expect(
    (await api.request("GET", `/sessions/${id}`, { headers: missing })).status,
  ).toBe(426);
  const webrtc = await api.request(
    "GET",
    `/sessions/${id}/transport/webrtc/ice_servers`,
    {
      headers: { ...transportHeaders(jwt), "Reactor-WebRTC-Version": "2.0" },
    },
  );
  expect(webrtc.status).toBe(426);
  expect(
    (
      await api.request("POST", "/tokens", {
        headers: { "Reactor-API-Version": "0" },
      })
    ).status,
  ).toBe(426);
});

test("expire-tokens makes every token minted so far fail as expired, new ones work", async () => {
  const { api } = await startTestEmulator();
  const old = (await api.mint()).jwt;
  const id = (await api.createSession(old)).json.session_id;
  const expired = await api.request("POST", "/_emulator/expire-tokens");
  expect(expired.json).toEqual({ expired: 1 });
  const response = await api.request("GET", `/sessions/${id}`, {
    headers: sdkHeaders(old),
  });
  expect(response.status).toBe(401);
  expect(response.json.error).toMatch(/expired/);
  const fresh = (await api.mint()).jwt;
  expect(
    (
      await api.request("GET", `/sessions/${id}`, {
        headers: sdkHeaders(fresh),
      })
    ).status,
  ).toBe(200);
});

test("the copied SDK schemas still match the installed @reactor-team/js-sdk bundle", () => {
  // Read as text, never imported: the SDK is browser code (and not exported as a path).
  const bundle = readFileSync(
    new URL(
      "../../../node_modules/@reactor-team/js-sdk/dist/index.mjs",
      import.meta.url,
    ),
    "utf8",
  );
  for (const snippet of SDK_SOURCE_SNIPPETS) expect(bundle).toContain(snippet);
});
