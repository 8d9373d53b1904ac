// @vitest-environment node
import { expect, test } from "vitest";
import { CreateUploadResponseSchema } from "@test/emulator/support/sdk-schemas";
import { sdkHeaders, startTestEmulator } from "@test/emulator/support/emulator";

async function readySession() {
  const emulator = await startTestEmulator();
  const { jwt } = await emulator.api.mint();
  const id = (await emulator.api.createSession(jwt)).json.session_id as string;
  await emulator.api.waitReady(jwt, id);
  return { ...emulator, jwt, id };
}

const file = Buffer.from("\x89PNG fake image bytes");

test("an upload slot is 201 with a presigned URL on the emulator that accepts the PUT", async () => {
  const { api, url, jwt, id } = await readySession();
  const slot = await api.request("POST", `/sessions/${id}/uploads`, {
    headers: sdkHeaders(jwt),
    body: { name: "cat.png", size: file.length, mime_type: "image/png" },
  });
  expect(slot.status).toBe(201);
  const body = CreateUploadResponseSchema.parse(slot.json);
  expect(
    body.presigned_url.startsWith(`${url}/uploads/${body.presigned_id}?`),
  ).toBe(true);
  expect(body.path).toBe(`sessions/${id}/uploads/${body.presigned_id}/cat.png`);

  // The browser preflights the PUT (its Blob type becomes Content-Type) and sends no Authorization.
  const preflight = await fetch(body.presigned_url, {
    method: "OPTIONS",
    headers: {
      Origin: "http://127.0.0.1:3000",
      "Access-Control-Request-Method": "PUT",
      "Access-Control-Request-Headers": "content-type",
    },
  });
  expect(preflight.status).toBe(204);
  expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
  expect(
    preflight.headers.get("access-control-allow-headers")?.toLowerCase(),
  ).toContain("content-type");

  const put = await fetch(body.presigned_url, {
    method: "PUT",
    body: file,
    headers: { "Content-Type": "image/png" },
  });
  expect(put.status).toBe(200);
  expect(put.headers.get("etag")).toMatch(/^"[0-9a-f]+"$/);
  expect(put.headers.get("access-control-allow-origin")).toBe("*");
  expect((await api.state()).sessions[0].uploads).toEqual([
    {
      id: body.presigned_id,
      name: "cat.png",
      size: file.length,
      mimeType: "image/png",
      receivedBytes: file.length,
      notified: false,
      // Not a decodable PNG header, so no pixel size.
      image: null,
    },
  ]);
});

test("a PUT with a wrong signature, an unknown id or the wrong size is refused", async () => {
  const { api, jwt, id } = await readySession();
  const slot = (
    await api.request("POST", `/sessions/${id}/uploads`, {
      headers: sdkHeaders(jwt),
      body: { name: "a.bin", size: 4, mime_type: "application/octet-stream" },
    })
  ).json;
  const forged = new URL(slot.presigned_url);
  forged.searchParams.set("signature", "0".repeat(32));
  expect((await fetch(forged, { method: "PUT", body: "abcd" })).status).toBe(
    403,
  );
  const unknown = new URL(slot.presigned_url);
  unknown.pathname = "/uploads/u_nope";
  expect((await fetch(unknown, { method: "PUT", body: "abcd" })).status).toBe(
    404,
  );
  expect(
    (await fetch(slot.presigned_url, { method: "PUT", body: "abc" })).status,
  ).toBe(400);
  expect(
    (await fetch(slot.presigned_url, { method: "PUT", body: "abcde" })).status,
  ).toBe(413);
});

test("upload slots need auth, a valid request and an ACTIVE session", async () => {
  const { api, jwt, id } = await readySession();
  const good = { name: "a.png", size: 3, mime_type: "image/png" };
  expect(
    (
      await api.request("POST", `/sessions/${id}/uploads`, {
        headers: { "Reactor-API-Version": "1" },
        body: good,
      })
    ).status,
  ).toBe(401);
  expect(
    (
      await api.request("POST", `/sessions/${id}/uploads`, {
        headers: sdkHeaders(jwt),
        body: { ...good, size: 0 },
      })
    ).status,
  ).toBe(400);
  await api.request("DELETE", `/sessions/${id}`, { headers: sdkHeaders(jwt) });
  expect(
    (
      await api.request("POST", `/sessions/${id}/uploads`, {
        headers: sdkHeaders(jwt),
        body: good,
      })
    ).status,
  ).toBe(409);
});

test("every endpoint answers its CORS preflight with the SDK's headers allowed", async () => {
  const { url } = await startTestEmulator();
  const paths = [
    "/sessions",
    "/sessions/abc",
    "/sessions/abc/uploads",
    "/sessions/abc/transport/webrtc/ice_servers",
    "/sessions/abc/transport/webrtc/sdp_params",
    "/start_session",
    "/stop_session",
  ];
  for (const path of paths) {
    const response = await fetch(`${url}${path}`, {
      method: "OPTIONS",
      headers: {
        Origin: "http://localhost:3000",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers":
          "authorization,content-type,reactor-api-version,reactor-api-accept-version",
      },
    });
    expect(response.status, path).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const allowed = response.headers
      .get("access-control-allow-headers")!
      .toLowerCase();
    for (const header of [
      "authorization",
      "content-type",
      "reactor-api-version",
      "reactor-api-accept-version",
      "reactor-webrtc-version",
    ]) {
      expect(allowed).toContain(header);
    }
  }
  const error = await fetch(`${url}/sessions/abc`);
  expect(error.headers.get("access-control-allow-origin")).toBe("*");
});
