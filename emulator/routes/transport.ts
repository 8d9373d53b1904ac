import { z } from "zod";
import { checkWebRtcVersion } from "../auth/request-auth";
import { authorizedSession } from "../auth/session-access";
import type { EmulatorContext } from "../context";
import { readJson } from "../http/body";
import { HttpError } from "../http/errors";
import { sendJson } from "../http/respond";
import type { Router } from "../http/router";
import { isOpen } from "../sessions/session";
import { sdpOfferRequestSchema } from "../webrtc/track-mapping";

// WebRTC signalling, single-connection "v1.0" (docs/reactor-contract.md, "WebRTC signalling"). SDK
// 2.9.0 does not trickle ICE: it POSTs a complete offer, which must be
// answered with exactly 202 (200/201 count as failure), then polls GET:
// 202 = not yet, 200 {sdp_answer} = done, anything else = failure. With its
// default maxAttempts (6) it gives up about 12.6 s after the offer. PUT is
// reconnect(): same body, new peer, same session.

const BASE = "/sessions/:id/transport/webrtc";

export function transportRoutes(router: Router, ctx: EmulatorContext): void {
  router.on("GET", `${BASE}/ice_servers`, async ({ req, res, params }) => {
    checkWebRtcVersion(req);
    const session = await authorizedSession(ctx, req, params.id!);
    if (!isOpen(session)) throw new HttpError(409, "session is CLOSED");
    // Loopback needs no STUN/TURN; an empty list is valid for the SDK.
    sendJson(res, 200, { ice_servers: [] });
  });

  for (const method of ["POST", "PUT"] as const) {
    router.on(method, `${BASE}/sdp_params`, async ({ req, res, params }) => {
      checkWebRtcVersion(req);
      const session = await authorizedSession(ctx, req, params.id!);
      const parsed = sdpOfferRequestSchema.safeParse(await readJson(req));
      if (!parsed.success) {
        throw new HttpError(
          400,
          `invalid SDP offer request: ${z.prettifyError(parsed.error)}`,
        );
      }
      await ctx.manager.acceptOffer(
        session,
        parsed.data.sdp_offer,
        parsed.data.track_mapping,
        method === "PUT",
      );
      sendJson(res, 202, {});
    });
  }

  router.on("GET", `${BASE}/sdp_params`, async ({ req, res, params }) => {
    checkWebRtcVersion(req);
    const session = await authorizedSession(ctx, req, params.id!);
    if (!isOpen(session)) throw new HttpError(409, "session is CLOSED");
    const answer = session.answer;
    switch (answer.status) {
      case "none":
        throw new HttpError(409, "no SDP offer received yet");
      case "pending":
        sendJson(res, 202, {});
        return;
      case "ready":
        sendJson(res, 200, { sdp_answer: answer.sdp });
        return;
      case "failed":
        throw new HttpError(500, `answer failed: ${answer.error}`);
    }
  });
}
