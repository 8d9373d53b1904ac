// @vitest-environment node
import { expect, test } from "vitest";
import { DEFAULT_TIMINGS } from "@/emulator/options";
import { reapReason } from "@/emulator/sessions/reaper";
import type { Session } from "@/emulator/sessions/session";
import { Timers } from "@/emulator/sessions/timers";
import { sdkHeaders, startTestEmulator } from "@test/emulator/support/emulator";
import { connect, liveSession } from "@test/emulator/support/live-session";

const T0 = 1_000_000;

function session(overrides: Partial<Session> = {}): Session {
  return {
    id: "s",
    model: "m",
    mode: "cloud",
    owner: { kind: "local" },
    createdAt: T0,
    gpuReadyAt: T0,
    readyAt: T0,
    deadlineAt: T0 + DEFAULT_TIMINGS.maxSessionMs,
    player: undefined as never,
    inbound: undefined as never,
    host: undefined as never,
    peerGeneration: 0,
    answer: { status: "none" },
    offers: 0,
    webcamPackets: 0,
    commands: 0,
    uploads: [],
    timers: new Timers(),
    ...overrides,
  };
}

const t = DEFAULT_TIMINGS;

test("reapReason: each deadline, and nothing before it", () => {
  expect(reapReason(session(), T0 + t.offerTimeoutMs - 1, t)).toBeNull();
  expect(reapReason(session(), T0 + t.offerTimeoutMs, t)).toBe("no_offer");
  // A session still waiting for its GPU cannot be blamed for not offering.
  expect(
    reapReason(
      session({ gpuReadyAt: T0 + 60_000, readyAt: T0 + 60_000 }),
      T0 + t.offerTimeoutMs,
      t,
    ),
  ).toBeNull();

  const answered = {
    offers: 1,
    lastOfferAt: T0,
    answer: { status: "ready", sdp: "", at: T0 },
  } as const;
  expect(reapReason(session(answered), T0 + t.offerTimeoutMs, t)).toBe(
    "connect_timeout",
  );
  expect(
    reapReason(
      session({ ...answered, answer: { status: "pending" } }),
      T0 + t.offerTimeoutMs,
      t,
    ),
  ).toBeNull();

  const connected = {
    ...answered,
    connectedAt: T0,
    lastLivenessAt: T0 + 10_000,
    peer: {} as never,
  };
  expect(
    reapReason(session(connected), T0 + 10_000 + t.pingTimeoutMs - 1, t),
  ).toBeNull();
  expect(reapReason(session(connected), T0 + 10_000 + t.pingTimeoutMs, t)).toBe(
    "ping_timeout",
  );

  expect(
    reapReason(
      session({ ...answered, peerLostAt: T0 }),
      T0 + t.peerLostGraceMs - 1,
      t,
    ),
  ).toBeNull();
  expect(
    reapReason(
      session({ ...answered, peerLostAt: T0 }),
      T0 + t.peerLostGraceMs,
      t,
    ),
  ).toBe("peer_lost");

  expect(reapReason(session(connected), T0 + t.maxSessionMs, t)).toBe(
    "max_duration",
  );
});

test("a session nobody sends an offer for is reaped", async () => {
  const { api } = await startTestEmulator({ timings: { offerTimeoutMs: 150 } });
  const { jwt } = await api.mint();
  await api.createSession(jwt);
  await expect
    .poll(async () => (await api.state()).sessions[0].closeReason, {
      timeout: 3_000,
    })
    .toBe("no_offer");
  expect((await api.state()).counts.active).toBe(0);
});

test("sessions end at the time cap, or earlier with the token's max_session_duration_seconds", async () => {
  const { api } = await startTestEmulator({
    timings: { maxSessionMs: 200, offerTimeoutMs: 60_000 },
  });
  const { jwt } = await api.mint();
  const id = (await api.createSession(jwt)).json.session_id;
  await expect
    .poll(async () => (await api.state()).sessions[0].closeReason, {
      timeout: 3_000,
    })
    .toBe("max_duration");
  expect(
    (await api.request("GET", `/sessions/${id}`, { headers: sdkHeaders(jwt) }))
      .json.state,
  ).toBe("CLOSED");

  const capped = await startTestEmulator();
  const scoped = await capped.api.mint({
    authorization_details: [
      { type: "session", constraints: { max_session_duration_seconds: 90 } },
    ],
  });
  await capped.api.createSession(scoped.jwt);
  const [session] = (await capped.api.state()).sessions;
  expect(session.deadlineAt - session.createdAt).toBe(90_000);
});

test("a connected client that stops talking on the data channel is reaped; one that pings is not", async () => {
  const { api } = await startTestEmulator({ timings: { pingTimeoutMs: 400 } });
  const chatty = await liveSession(api);
  const pinger = setInterval(() => chatty.client.send("runtime", "ping"), 75);
  const quiet = await liveSession(api);
  try {
    await expect
      .poll(
        async () =>
          (await api.state()).sessions.find(
            (s: { id: string }) => s.id === quiet.sessionId,
          ).closeReason,
        {
          timeout: 4_000,
        },
      )
      .toBe("ping_timeout");
    const chattyState = (await api.state()).sessions.find(
      (s: { id: string }) => s.id === chatty.sessionId,
    );
    expect(chattyState).toMatchObject({ state: "ACTIVE", connected: true });
  } finally {
    clearInterval(pinger);
  }
});

test("dieAfterMs closes a connected session's peer and marks it CLOSED", async () => {
  const { api } = await startTestEmulator({ scenario: { dieAfterMs: 300 } });
  const { jwt, sessionId, client } = await liveSession(api);
  await expect
    .poll(async () => (await api.state()).sessions[0].closeReason, {
      timeout: 3_000,
    })
    .toBe("scenario_die_after");
  await expect
    .poll(() => client.channel.readyState, { timeout: 3_000 })
    .toBe("closed");
  const polled = await api.request("GET", `/sessions/${sessionId}`, {
    headers: sdkHeaders(jwt),
  });
  expect(polled.json.state).toBe("CLOSED");
});

test("dropPeerAfterMs cuts the media path but holds the session until peerLostGraceMs", async () => {
  const { api } = await startTestEmulator({
    scenario: { dropPeerAfterMs: 200 },
    timings: { peerLostGraceMs: 800 },
  });
  const { client } = await liveSession(api);
  await expect
    .poll(() => client.channel.readyState, { timeout: 3_000 })
    .toBe("closed");
  // Dropped, not ended: still ACTIVE, so a reconnect() could resume it.
  expect((await api.state()).sessions[0]).toMatchObject({
    state: "ACTIVE",
    connected: false,
  });
  await expect
    .poll(async () => (await api.state()).sessions[0].closeReason, {
      timeout: 3_000,
    })
    .toBe("peer_lost");
});

test("a PUT within the hold resumes the dropped session, and the new peer stays up", async () => {
  const { api } = await startTestEmulator({
    scenario: { dropPeerAfterMs: 200 },
    timings: { peerLostGraceMs: 10_000 },
  });
  const { jwt, sessionId: id, client: first } = await liveSession(api);
  await expect
    .poll(async () => (await api.state()).sessions[0].connected, {
      timeout: 3_000,
    })
    .toBe(false);
  await first.close();
  const resumed = await connect(api, jwt, id, { method: "PUT" });
  await new Promise((resolve) => setTimeout(resolve, 600));
  expect((await api.state()).sessions).toEqual([
    expect.objectContaining({
      id,
      state: "ACTIVE",
      connected: true,
      offers: 2,
    }),
  ]);
  expect(resumed.channel.readyState).toBe("open");
});
