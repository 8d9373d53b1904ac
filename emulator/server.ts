import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { TokenIssuer } from "./auth/jwt";
import type { EmulatorContext } from "./context";
import { answerPreflight, applyCorsHeaders } from "./http/cors";
import { HttpError } from "./http/errors";
import { isAllowedHost } from "./http/host-check";
import { sendError } from "./http/respond";
import { Router } from "./http/router";
import { createLogger } from "./log";
import { loadClips } from "./media/clips";
import { DEFAULT_TIMINGS, type EmulatorOptions } from "./options";
import { adminRoutes } from "./routes/admin";
import { localRoutes } from "./routes/local";
import { sessionRoutes } from "./routes/sessions";
import { tokenRoutes } from "./routes/tokens";
import { transportRoutes } from "./routes/transport";
import { uploadRoutes } from "./routes/uploads";
import { parsePartialScenario, ScenarioHolder } from "./scenario";
import { startReaper } from "./sessions/reaper";
import { SessionManager } from "./sessions/session-manager";
import { SessionStore } from "./sessions/store";
import { UploadStore } from "./uploads/upload-store";

// A local stand-in for the Reactor coordinator + GPU runtime that the
// unmodified @reactor-team/js-sdk 2.9.0 can connect to: HTTP on node:http,
// media and data channel on werift. Not a video generator: it replays clips.

export type { EmulatorOptions, Timings } from "./options";
export type { Scenario } from "./scenario";

export interface RunningEmulator {
  /** e.g. http://127.0.0.1:8787 — pass as the SDK's apiUrl and the token route's upstream. */
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startEmulator(
  options: EmulatorOptions = {},
): Promise<RunningEmulator> {
  const host = options.host ?? "127.0.0.1";
  const timings = { ...DEFAULT_TIMINGS, ...options.timings };
  const log = createLogger(
    options.log ?? ((line) => process.stdout.write(`${line}\n`)),
  );
  const clips = loadClips(options.clipsDir);
  const scenario = new ScenarioHolder(
    parsePartialScenario(options.scenario ?? {}),
  );
  const store = new SessionStore();
  const manager = new SessionManager({
    store,
    scenario,
    clips,
    log,
    timings,
    iceAdditionalHostAddresses: options.iceAdditionalHostAddresses,
  });
  const ctx: EmulatorContext = {
    scenario,
    issuer: new TokenIssuer(options.jwtSecret),
    store,
    manager,
    uploads: new UploadStore(),
    clips,
    log,
    timings,
    apiKeys: options.apiKeys?.length ? options.apiKeys : null,
  };

  const router = new Router();
  for (const register of [
    tokenRoutes,
    sessionRoutes,
    transportRoutes,
    uploadRoutes,
    localRoutes,
    adminRoutes,
  ]) {
    register(router, ctx);
  }

  let port = options.port ?? 8787;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const method = req.method ?? "GET";
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    applyCorsHeaders(res, url.pathname);
    // Only the path is logged: presigned upload URLs carry their signature in the query.
    res.on("finish", () => {
      log("http", {
        method,
        path: url.pathname,
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
      });
    });
    if (!isAllowedHost(req, host)) {
      return sendError(
        res,
        403,
        "the emulator only answers loopback Host names (localhost, 127.0.0.1, [::1])",
      );
    }
    if (method === "OPTIONS") return answerPreflight(req, res, url.pathname);
    const match = router.match(method, url.pathname);
    if (!match) return sendError(res, 404, "404 page not found");
    const origin = `http://${req.headers.host ?? `${host}:${port}`}`;
    try {
      await match.handler({ req, res, url, params: match.params, origin });
    } catch (error) {
      if (res.headersSent) return;
      // A client that gave up mid-request (StrictMode abort, closed tab) is not a server bug.
      if (res.destroyed || req.socket.destroyed) {
        return log("http.aborted", { method, path: url.pathname });
      }
      if (error instanceof HttpError) {
        return sendError(res, error.status, error.message, error.headers);
      }
      log("http.crash", {
        method,
        path: url.pathname,
        error:
          error instanceof Error && error.stack ? error.stack : String(error),
      });
      sendError(res, 500, "internal emulator error");
    }
  };
  const server = createServer((req, res) => void handle(req, res));

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const stopReaper = startReaper(store, manager, timings);
  const urlHost =
    host === "0.0.0.0" || host === "::"
      ? "127.0.0.1"
      : host.includes(":")
        ? `[${host}]`
        : host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    close() {
      closing ??= (async () => {
        stopReaper();
        await manager.closeAll("shutdown");
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      })();
      return closing;
    },
  };
}
