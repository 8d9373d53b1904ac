// @vitest-environment node
import { decodeJwt, jwtVerify, SignJWT } from "jose";
import { expect, test } from "vitest";
import {
  API_KEY,
  sdkHeaders,
  startTestEmulator,
} from "@test/emulator/support/emulator";

const scoped = (models: string[], maxSessions?: number) => ({
  expires_after: 3600,
  authorization_details: [
    {
      type: "session",
      resources: { models: { match: models } },
      ...(maxSessions ? { constraints: { max_sessions: maxSessions } } : {}),
    },
  ],
});

test("POST /tokens without a Reactor-API-Key is 401 with an error body", async () => {
  const { api } = await startTestEmulator();
  const response = await api.request("POST", "/tokens");
  expect(response.status).toBe(401);
  expect(response.json).toEqual({
    error: expect.stringMatching(/Reactor-API-Key/),
  });
});

test("keys that are not rk_… (or not configured) are refused", async () => {
  const open = await startTestEmulator();
  expect(
    (
      await open.api.request("POST", "/tokens", {
        headers: { "Reactor-API-Key": "sk_live_123" },
      })
    ).status,
  ).toBe(401);

  const configured = await startTestEmulator({ apiKeys: ["rk_only_this"] });
  const wrong = await configured.api.request("POST", "/tokens", {
    headers: { "Reactor-API-Key": API_KEY },
  });
  expect(wrong.status).toBe(401);
  const right = await configured.api.request("POST", "/tokens", {
    headers: { "Reactor-API-Key": "rk_only_this" },
  });
  expect(right.status).toBe(200);
});

test("the retired X-API-Key header does not work", async () => {
  const { api } = await startTestEmulator();
  const response = await api.request("POST", "/tokens", {
    headers: { "X-API-Key": API_KEY },
  });
  expect(response.status).toBe(401);
  expect(response.json.error).toMatch(/X-API-Key/);
});

test("GET /tokens is 404, as on the real service", async () => {
  const { api } = await startTestEmulator();
  expect(
    (
      await api.request("GET", "/tokens", {
        headers: { "Reactor-API-Key": API_KEY },
      })
    ).status,
  ).toBe(404);
});

test("no body mints a 6-hour HS256 JWT whose exp equals expires_at", async () => {
  const { api } = await startTestEmulator({ jwtSecret: "test-secret" });
  const before = Math.floor(Date.now() / 1000);
  const { jwt, expires_at } = await api.mint();
  const { payload, protectedHeader } = await jwtVerify(
    jwt,
    new TextEncoder().encode("test-secret"),
  );
  expect(protectedHeader.alg).toBe("HS256");
  expect(payload.exp).toBe(expires_at);
  expect(payload.iat).toBeGreaterThanOrEqual(before);
  expect(expires_at - payload.iat!).toBe(21_600);
  expect(payload.sub).toMatch(/^acct_/);
  expect(payload).not.toHaveProperty("authorization_details");
  // The key itself never ends up in the token.
  expect(JSON.stringify(payload)).not.toContain(API_KEY);
});

test("expires_after is honoured and silently clamped to 6 hours", async () => {
  const { api } = await startTestEmulator();
  const short = await api.mint({ expires_after: 120 });
  expect(short.expires_at - decodeJwt(short.jwt).iat!).toBe(120);
  const long = await api.mint({ expires_after: 999_999 });
  expect(long.expires_at - decodeJwt(long.jwt).iat!).toBe(21_600);
  const nullBody = await api.mint(null);
  expect(nullBody.expires_at - decodeJwt(nullBody.jwt).iat!).toBe(21_600);
});

test("malformed token requests are 400", async () => {
  const { api } = await startTestEmulator();
  const headers = { "Reactor-API-Key": API_KEY };
  expect(
    (
      await api.request("POST", "/tokens", {
        headers,
        body: { expires_after: -5 },
      })
    ).status,
  ).toBe(400);
  expect(
    (
      await api.request("POST", "/tokens", {
        headers,
        body: { authorization_details: [{ type: "nope" }] },
      })
    ).status,
  ).toBe(400);
});

test("authorization_details are carried in the token and enforced on sessions", async () => {
  const { api } = await startTestEmulator();
  const { jwt } = await api.mint(scoped(["reactor/helios"], 2));
  expect(decodeJwt(jwt).authorization_details).toEqual(
    scoped(["reactor/helios"], 2).authorization_details,
  );

  expect((await api.createSession(jwt, "reactor/other")).status).toBe(403);
  // A bare name resolves under reactor/.
  expect((await api.createSession(jwt, "helios")).status).toBe(201);
  expect((await api.createSession(jwt, "reactor/helios")).status).toBe(201);
  const third = await api.createSession(jwt, "reactor/helios");
  expect(third.status).toBe(403);
  expect(third.json.error).toMatch(/max_sessions/);
});

test("a token signed with another secret, or tampered with, is 401", async () => {
  const { api } = await startTestEmulator();
  const forged = await new SignJWT({})
    .setProtectedHeader({ alg: "HS256" })
    .setIssuer("reactor-emulator")
    .setSubject("acct_x")
    .setJti("x")
    .setIssuedAt()
    .setExpirationTime("1h")
    .sign(new TextEncoder().encode("not-the-secret"));
  expect((await api.createSession(forged)).status).toBe(401);
  const { jwt } = await api.mint();
  const tampered = `${jwt.slice(0, -4)}AAAA`;
  const response = await api.request("GET", "/sessions/whatever", {
    headers: sdkHeaders(tampered),
  });
  expect(response.status).toBe(401);
  expect(response.json.error).toBe("Invalid or expired token");
});

test("a token past its exp is rejected as expired", async () => {
  const { api } = await startTestEmulator({ jwtSecret: "test-secret" });
  const { jwt } = await api.mint({ expires_after: 60 });
  expect((await api.createSession(jwt)).status).toBe(201);
  // Same claims and key as a minted token, but exp a minute ago.
  const claims = decodeJwt(jwt);
  const expired = await new SignJWT({})
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer("reactor-emulator")
    .setSubject(claims.sub!)
    .setJti(claims.jti!)
    .setIssuedAt(claims.iat! - 120)
    .setExpirationTime(claims.iat! - 60)
    .sign(new TextEncoder().encode("test-secret"));
  const response = await api.createSession(expired);
  expect(response.status).toBe(401);
  expect(response.json.error).toMatch(/expired/);
});

test("logs never contain the API key or a token", async () => {
  const { api, lines } = await startTestEmulator();
  const { jwt } = await api.mint();
  await api.createSession(jwt);
  expect(lines.length).toBeGreaterThan(2);
  const log = lines.join("\n");
  expect(log).not.toContain(API_KEY);
  expect(log).not.toContain(jwt);
  expect(log).not.toContain(jwt.split(".")[2]!);
});
