// @vitest-environment node
import { http, HttpResponse } from "msw";
import { expect, test, vi } from "vitest";
import { checkNodeVersion } from "@/scripts/doctor/checks/node-version";
import type { DoctorIo } from "@/scripts/doctor/io";
import { Secrets } from "@/scripts/doctor/redact";
import { runDoctor, type DoctorOptions } from "@/scripts/doctor/run";
import {
  UPSTREAM_API_URL,
  UPSTREAM_JWT,
  UPSTREAM_TOKENS_URL,
} from "@test/fixtures/upstream-token";
import { server } from "@test/msw/server";

// A key no output may ever contain, in any check's text or JSON.
const CANARY_KEY = "rk_canary_doctor_5f0c1e";

const fakeIo = (overrides: Partial<DoctorIo> = {}): DoctorIo => ({
  resolve: async () => ["203.0.113.7"],
  tlsHandshake: async () => ({
    protocol: "TLSv1.3",
    validTo: "Jan  1 00:00:00 2030 GMT",
    issuer: "Test CA",
  }),
  portInUse: async () => false,
  findChromium: async () => "/usr/bin/chromium",
  now: () => Date.now(),
  ...overrides,
});

/** The API root answers like any web server: a 404 with its clock in Date. */
const apiRoot = (dateOffsetMs = 0, now = Date.now) =>
  http.get(
    `${UPSTREAM_API_URL}/`,
    () =>
      new HttpResponse("not found", {
        status: 404,
        headers: { Date: new Date(now() + dateOffsetMs).toUTCString() },
      }),
  );

async function doctor(
  env: Record<string, string | undefined>,
  options: Partial<DoctorOptions> = {},
) {
  let output = "";
  const code = await runDoctor({
    env,
    io: fakeIo(),
    write: (text) => (output += text),
    ...options,
  });
  return { code, output };
}

const keyEnv = {
  REACTOR_API_KEY: CANARY_KEY,
  REACTOR_API_URL: UPSTREAM_API_URL,
};

test("a good key passes every required check and exits 0, printing neither key nor token", async () => {
  server.use(apiRoot());
  const { code, output } = await doctor(keyEnv);
  expect(output).toMatch(
    /✓ Token mint with your key: minted a token for reactor\/helios/,
  );
  expect(output).toMatch(/✓ DNS: api\.reactor\.test → 203\.0\.113\.7/);
  expect(output).toMatch(/✓ HTTP reachability: .* answered HTTP 404/);
  expect(output).toMatch(/✓ Clock skew: within 1 s/);
  expect(output).toMatch(/· Token claims \(informational\): claims: sub/);
  expect(output).toContain("All required checks passed.");
  expect(output).not.toContain(CANARY_KEY);
  expect(output).not.toContain(UPSTREAM_JWT);
  expect(code).toBe(0);
});

test("a rejected key fails the mint with the route's code, names the variable, and exits 1", async () => {
  server.use(
    apiRoot(),
    http.post(UPSTREAM_TOKENS_URL, () =>
      // An upstream body that quotes the key it refused must not leak it.
      HttpResponse.json(
        { error: `unknown key ${CANARY_KEY}` },
        { status: 401 },
      ),
    ),
  );
  const { code, output } = await doctor(keyEnv);
  expect(output).toMatch(
    /✗ Token mint with your key: key_rejected: .*REACTOR_API_KEY/,
  );
  expect(output).toMatch(/→ Create a new key in the Reactor dashboard/);
  expect(output).toContain(
    "1 required check failed: Token mint with your key.",
  );
  expect(output).not.toContain(CANARY_KEY);
  expect(code).toBe(1);
});

test("an unreachable API fails HTTP reachability, skips the mint, and exits 1", async () => {
  server.use(http.get(`${UPSTREAM_API_URL}/`, () => HttpResponse.error()));
  const { code, output } = await doctor(keyEnv);
  expect(output).toMatch(
    /✗ HTTP reachability: https:\/\/api\.reactor\.test could not be reached/,
  );
  expect(output).toMatch(/→ Check REACTOR_API_URL and this machine's network/);
  expect(output).toMatch(/– Token mint with your key: the API is unreachable/);
  expect(code).toBe(1);
});

test("a host that does not resolve fails DNS with a next step", async () => {
  server.use(apiRoot());
  const { code, output } = await doctor(keyEnv, {
    io: fakeIo({
      resolve: async () => {
        throw Object.assign(
          new Error("getaddrinfo ENOTFOUND api.reactor.test"),
          {
            code: "ENOTFOUND",
          },
        );
      },
    }),
  });
  expect(output).toMatch(
    /✗ DNS: api\.reactor\.test does not resolve \(getaddrinfo ENOTFOUND/,
  );
  expect(code).toBe(1);
});

test("bad config lists every problem from the server's schema, without echoing the key, and exits 1", async () => {
  const { code, output } = await doctor({
    ...keyEnv,
    REACTOR_MODEL: "not a model",
    REACTOR_TOKEN_MAX_SESSIONS: "500",
  });
  expect(output).toMatch(
    /✗ Configuration \(\.env\.local\): REACTOR_MODEL must be/,
  );
  expect(output).toContain("REACTOR_TOKEN_MAX_SESSIONS must be");
  expect(output).toMatch(
    /– Token mint with your key: fix the configuration first/,
  );
  expect(output).not.toContain(CANARY_KEY);
  expect(code).toBe(1);
});

test("a clock more than a minute off fails with the skew and exits 1; a small skew only warns", async () => {
  // A whole second on both sides: the Date header has 1 s resolution.
  const now = () => Date.UTC(2026, 10, 28, 12, 0, 0);
  const io = fakeIo({ now });
  server.use(apiRoot(-5 * 60_000, now));
  const far = await doctor(keyEnv, { io });
  expect(far.output).toMatch(
    /✗ Clock skew: this machine is 300 s ahead of the API/,
  );
  expect(far.output).toMatch(/→ Sync this machine's clock/);
  expect(far.code).toBe(1);

  server.use(apiRoot(20_000, now));
  const near = await doctor(keyEnv, { io });
  expect(near.output).toMatch(
    /! Clock skew: this machine is 20 s behind the API/,
  );
  expect(near.code).toBe(0);
});

test("--json prints one parseable report with each check's status", async () => {
  server.use(
    apiRoot(),
    http.post(
      UPSTREAM_TOKENS_URL,
      () => new HttpResponse(null, { status: 403 }),
    ),
  );
  const { code, output } = await doctor(keyEnv, { json: true });
  const report = JSON.parse(output);
  expect(report.ok).toBe(false);
  expect(report.mode).toBe("key");
  const mint = report.checks.find((c: { id: string }) => c.id === "mint");
  expect(mint).toMatchObject({
    status: "fail",
    required: true,
    data: { code: "key_rejected", status: 502 },
  });
  expect(output).not.toContain(CANARY_KEY);
  expect(code).toBe(1);
});

test("with no key it checks the emulator setup only and exits 0", async () => {
  const { code, output } = await doctor({ REACTOR_API_KEY: "" });
  expect(output).toMatch(
    /✓ Configuration \(\.env\.local\): no REACTOR_API_KEY: `npm run dev` streams reactor\/helios from the local emulator on port 8787/,
  );
  expect(output).toMatch(/✓ Emulator clips: \d+ test clips/);
  expect(output).toMatch(/✓ Emulator port: port 8787 is free/);
  expect(output).not.toMatch(/Token mint/);
  expect(code).toBe(0);
});

test("with no key, a port taken by something else than the emulator fails", async () => {
  server.use(
    http.get("http://127.0.0.1:8790/_emulator/state", () =>
      HttpResponse.text("some other app"),
    ),
  );
  const { code, output } = await doctor(
    { EMULATOR_PORT: "8790" },
    { io: fakeIo({ portInUse: async () => true }) },
  );
  expect(output).toMatch(
    /✗ Emulator port: port 8790 is taken by another program/,
  );
  expect(output).toMatch(
    /→ Stop that program, or pick another port: EMULATOR_PORT=8793/,
  );
  expect(code).toBe(1);
});

test("--live against the real service asks first; declining starts no session and exits 1", async () => {
  const sessions = vi.fn(() => HttpResponse.json({}, { status: 500 }));
  server.use(apiRoot(), http.post(`${UPSTREAM_API_URL}/sessions`, sessions));
  const confirm = vi.fn(async () => false);
  const { code, output } = await doctor(keyEnv, { live: true, confirm });
  expect(confirm).toHaveBeenCalledWith(
    expect.stringMatching(/billed per second/),
  );
  expect(output).toMatch(
    /✗ Live session: not confirmed, so no session was started/,
  );
  expect(output).toMatch(/--live --yes/);
  expect(sessions).not.toHaveBeenCalled();
  expect(code).toBe(1);
});

test("the Node check compares against the engines range", () => {
  const range = ">=20.19.0 <21 || >=22.13.0 <23 || >=24";
  expect(checkNodeVersion("20.19.0", range).status).toBe("pass");
  expect(checkNodeVersion("22.12.0", range)).toMatchObject({
    status: "fail",
    next: expect.stringMatching(/Install Node\.js/),
  });
  expect(checkNodeVersion("18.20.0", range).status).toBe("fail");
});

test("the output filter masks the key and the token wherever they appear, and any JWT", () => {
  const secrets = new Secrets();
  secrets.add(CANARY_KEY, "REACTOR_API_KEY");
  secrets.add(UPSTREAM_JWT, "token");
  expect(secrets.redact(`key=${CANARY_KEY}&jwt=${UPSTREAM_JWT}.`)).toBe(
    "key=[REACTOR_API_KEY]&jwt=[token].",
  );
  expect(
    secrets.redact("Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"),
  ).toBe("Bearer [redacted JWT]");
});
