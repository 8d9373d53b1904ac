import type { EmulatorContext } from "../context";
import { sendJson } from "../http/respond";
import type { Router } from "../http/router";
import { sessionBody } from "../sessions/session-body";
import { isOpen } from "../sessions/session";

// The SDK's local mode (`local: true`, docs/reactor-contract.md, "Local mode"): instead of the
// coordinator it talks to a runtime on the developer's machine. No auth,
// no polling: POST /start_session must return the full session body
// (capabilities included) at once, so a scenario GPU delay delays the
// response itself. The transport endpoints are the same as in cloud mode
// (with `Bearer local`); POST /stop_session replaces DELETE. A local runtime
// runs one session at a time, so starting a new one ends the previous one.

const LOCAL_MODEL_NAME = "emulator/local";

export function localRoutes(router: Router, ctx: EmulatorContext): void {
  router.on("POST", "/start_session", async ({ res }) => {
    for (const previous of ctx.store
      .open()
      .filter((session) => session.mode === "local")) {
      ctx.manager.close(previous, "replaced_by_start_session");
    }
    const session = ctx.manager.create({
      model: LOCAL_MODEL_NAME,
      mode: "local",
      owner: { kind: "local" },
    });
    const wait = session.readyAt - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    // The SDK caches this body and reads capabilities from it; a CLOSED body would fail its connect().
    sendJson(res, isOpen(session) ? 200 : 409, sessionBody(session));
  });

  router.on("POST", "/stop_session", ({ res }) => {
    const stopped = ctx.store
      .open()
      .filter((session) => session.mode === "local");
    for (const session of stopped) {
      ctx.manager.close(session, "stop_session", ctx.timings.peerCloseDelayMs);
    }
    sendJson(res, 200, { stopped: stopped.map((session) => session.id) });
  });
}
