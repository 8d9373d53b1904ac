import type { TokenIssuer } from "./auth/jwt";
import type { Logger } from "./log";
import type { ClipLibrary } from "./media/clips";
import type { Timings } from "./options";
import type { ScenarioHolder } from "./scenario";
import type { SessionManager } from "./sessions/session-manager";
import type { SessionStore } from "./sessions/store";
import type { UploadStore } from "./uploads/upload-store";

/** Everything a route handler may need, built once by startEmulator(). */
export interface EmulatorContext {
  scenario: ScenarioHolder;
  issuer: TokenIssuer;
  store: SessionStore;
  manager: SessionManager;
  uploads: UploadStore;
  clips: ClipLibrary;
  log: Logger;
  timings: Timings;
  /** null = any `rk_…` key. */
  apiKeys: readonly string[] | null;
}
