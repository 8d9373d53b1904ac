import { z } from "zod";
import { authenticate, requireApiVersion } from "../auth/request-auth";
import { authorizedSession } from "../auth/session-access";
import { normaliseModelName } from "../auth/token-request";
import type { EmulatorContext } from "../context";
import { readJson } from "../http/body";
import { HttpError } from "../http/errors";
import { sendJson } from "../http/respond";
import type { Router } from "../http/router";
import { sessionBody } from "../sessions/session-body";
import { stateOf } from "../sessions/session";

// Coordinator session endpoints as SDK 2.9.0 calls them (docs/reactor-contract.md, "Coordinator sessions"):
// POST creates (201, slim body, state CREATED), GET is polled until the body
// has capabilities + selected_transport, DELETE ends it (the SDK treats 2xx
// and 404 as success). Every call carries Reactor-API-Version: 1 and a Bearer JWT.

const createSessionSchema = z.object({
  model: z.object({ name: z.string().min(1) }),
  client_info: z
    .object({ sdk_version: z.string(), sdk_type: z.string() })
    .optional(),
  supported_transports: z
    .array(z.object({ protocol: z.string(), version: z.string() }))
    .optional(),
  extra_args: z.record(z.string(), z.unknown()).optional(),
});

export function sessionRoutes(router: Router, ctx: EmulatorContext): void {
  router.on("POST", "/sessions", async ({ req, res }) => {
    requireApiVersion(req);
    const claims = await authenticate(req, ctx.issuer);
    const parsed = createSessionSchema.safeParse(await readJson(req));
    if (!parsed.success) {
      throw new HttpError(
        400,
        `invalid session request: ${z.prettifyError(parsed.error)}`,
      );
    }
    const body = parsed.data;
    if (
      body.supported_transports &&
      !body.supported_transports.some((t) => t.protocol === "webrtc")
    ) {
      throw new HttpError(
        400,
        "no supported transport: this server offers webrtc 1.0",
      );
    }
    const models = claims.scope?.models;
    if (models && !models.includes(normaliseModelName(body.model.name))) {
      throw new HttpError(
        403,
        `token is not allowed to use model "${body.model.name}"`,
      );
    }
    const session = ctx.manager.create({
      model: body.model.name,
      mode: "cloud",
      owner: {
        kind: "token",
        sub: claims.sub,
        jti: claims.jti,
        scoped: claims.scope !== null,
      },
      maxSessions: claims.scope?.maxSessions,
      maxSessionSeconds: claims.scope?.maxSessionSeconds,
    });
    // The real coordinator answers 201 with a slim body; capabilities come with polling.
    sendJson(res, 201, sessionBody(session, "CREATED"));
  });

  router.on("GET", "/sessions/:id", async ({ req, res, params }) => {
    requireApiVersion(req);
    const session = await authorizedSession(ctx, req, params.id!);
    sendJson(res, 200, sessionBody(session));
  });

  // Present in the SDK's client class, never called by 2.9.0; cheap to keep honest.
  router.on("GET", "/sessions/:id/info", async ({ req, res, params }) => {
    requireApiVersion(req);
    const session = await authorizedSession(ctx, req, params.id!);
    sendJson(res, 200, {
      session_id: session.id,
      state: stateOf(session),
      cluster: sessionBody(session).cluster,
    });
  });

  router.on("DELETE", "/sessions/:id", async ({ req, res, params }) => {
    requireApiVersion(req);
    const session = await authorizedSession(ctx, req, params.id!);
    // Idempotent: deleting a CLOSED session is still 200.
    ctx.manager.close(session, "client_delete", ctx.timings.peerCloseDelayMs);
    sendJson(res, 200, sessionBody(session));
  });
}
