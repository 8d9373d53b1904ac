import type { EmulatorContext } from "../context";
import { readJson } from "../http/body";
import { HttpError } from "../http/errors";
import { sendJson } from "../http/respond";
import type { Router } from "../http/router";
import { parsePartialScenario } from "../scenario";
import { stateOf, type Session } from "../sessions/session";

// Test and dev controls under /_emulator/ (no auth: the emulator binds to
// loopback). Shapes are the team contract the e2e tests, dev script and
// benchmark read; extra per-session fields are additive.

function describeSession(session: Session) {
  const snapshot = session.player.snapshot();
  return {
    id: session.id,
    model: session.model,
    state: stateOf(session),
    createdAt: session.createdAt,
    /** When the 20-minute (or token-constrained) cap ends it. */
    deadlineAt: session.deadlineAt,
    closedAt: session.closedAt,
    closeReason: session.closeReason,
    /**
     * Time spent ACTIVE (ready), until now or until it closed: what Reactor
     * bills, including a dropped peer's hold while the session waits for a PUT.
     */
    readyMs: Math.max(0, (session.closedAt ?? Date.now()) - session.readyAt),
    mode: session.mode,
    connected:
      session.connectedAt !== undefined && session.closedAt === undefined,
    offers: session.offers,
    scene: snapshot.scene,
    paused: snapshot.paused,
    framesSent: snapshot.frame,
    keyframeRequests: session.peer?.keyframeRequests ?? 0,
    webcamPackets: session.webcamPackets,
    /** RTP packets received per client track name (camera, microphone), e.g. {"source": 812}. */
    inboundTracks: { ...session.inbound.packets },
    commands: session.commands,
    uploads: session.uploads.map((upload) => ({ ...upload })),
    /** Which model profile serves the session (registry.ts): "helios", "lingbot", "test-pattern". */
    profile: session.host.profile.id,
    /** The body of the model's latest `state` message. */
    modelState: session.host.state(),
    /** Application commands the model accepted, in order. */
    events: session.host.events.map((entry) => ({ ...entry })),
    /** Commands dropped by the schema check (2.9.0 clients never hear why). */
    rejected: session.host.rejected.map((entry) => ({ ...entry })),
    /** requestSchema frames received, answered or not. */
    schemaRequests: session.host.schemaRequests,
  };
}

export function emulatorState(ctx: EmulatorContext) {
  return {
    scenario: { ...ctx.scenario.current },
    sessions: ctx.store.all().map(describeSession),
    counts: {
      created: ctx.store.createdCount,
      active: ctx.store.open().length,
    },
    tokens: { minted: ctx.issuer.mintedCount },
  };
}

export function adminRoutes(router: Router, ctx: EmulatorContext): void {
  router.on("GET", "/_emulator/state", ({ res }) =>
    sendJson(res, 200, emulatorState(ctx)),
  );

  router.on("GET", "/_emulator/scenario", ({ res }) =>
    sendJson(res, 200, { ...ctx.scenario.current }),
  );

  router.on("PUT", "/_emulator/scenario", async ({ req, res }) => {
    let partial;
    try {
      partial = parsePartialScenario((await readJson(req)) ?? {});
    } catch (error) {
      throw new HttpError(
        400,
        error instanceof Error ? error.message : String(error),
      );
    }
    const scenario = ctx.scenario.merge(partial);
    ctx.log("scenario.changed", { scenario: JSON.stringify(scenario) });
    sendJson(res, 200, scenario);
  });

  router.on("DELETE", "/_emulator/scenario", ({ res }) => {
    const scenario = ctx.scenario.reset();
    ctx.log("scenario.reset");
    sendJson(res, 200, scenario);
  });

  router.on("POST", "/_emulator/reset", async ({ res }) => {
    await ctx.manager.closeAll("admin_reset");
    ctx.manager.resetCounters();
    ctx.store.clear();
    ctx.uploads.clear();
    ctx.issuer.mintedCount = 0;
    ctx.scenario.reset();
    ctx.log("emulator.reset");
    sendJson(res, 200, emulatorState(ctx));
  });

  router.on("POST", "/_emulator/expire-tokens", ({ res }) => {
    const expired = ctx.issuer.expireAll();
    ctx.log("tokens.expired", { count: expired });
    sendJson(res, 200, { expired });
  });
}
