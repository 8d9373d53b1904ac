// Where the e2e servers listen. Fixed (overridable) ports so the webServer
// URLs are known up front; they avoid common ports other jobs may hold.
const APP_PORT = Number(process.env.E2E_APP_PORT ?? 43100);
const SETUP_PORT = Number(process.env.E2E_SETUP_PORT ?? 43101);
const DEV_PORT = Number(process.env.E2E_DEV_PORT ?? 43102);
const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 43787);
// One app per modelled model: the model is run-time config of the server.
const HELIOS_PORT = Number(process.env.E2E_HELIOS_PORT ?? 43103);
const LINGBOT_PORT = Number(process.env.E2E_LINGBOT_PORT ?? 43104);
const POLICIES_PORT = Number(process.env.E2E_POLICIES_PORT ?? 43105);
// Models with input or audio tracks, one app each (the model is server config).
const X2_PORT = Number(process.env.E2E_X2_PORT ?? 43107);
const LTX2_PORT = Number(process.env.E2E_LTX2_PORT ?? 43108);

export const servers = {
  appPort: APP_PORT,
  setupPort: SETUP_PORT,
  devPort: DEV_PORT,
  emulatorPort: EMULATOR_PORT,
  policiesPort: POLICIES_PORT,
  appUrl: `http://127.0.0.1:${APP_PORT}`,
  setupUrl: `http://127.0.0.1:${SETUP_PORT}`,
  devUrl: `http://127.0.0.1:${DEV_PORT}`,
  emulatorUrl: `http://127.0.0.1:${EMULATOR_PORT}`,
  heliosPort: HELIOS_PORT,
  lingbotPort: LINGBOT_PORT,
  heliosUrl: `http://127.0.0.1:${HELIOS_PORT}`,
  lingbotUrl: `http://127.0.0.1:${LINGBOT_PORT}`,
  /** The app with short session policies (tests/e2e/policies-*.spec.ts). */
  policiesUrl: `http://127.0.0.1:${POLICIES_PORT}`,
  x2Port: X2_PORT,
  ltx2Port: LTX2_PORT,
  x2Url: `http://127.0.0.1:${X2_PORT}`,
  ltx2Url: `http://127.0.0.1:${LTX2_PORT}`,
};

/** Served as REACTOR_API_KEY; the canary test proves it never leaves the server. */
export const CANARY_KEY =
  process.env.E2E_CANARY_KEY ?? "rk_canary_3f9c1e7a5b2d4068";

/**
 * Set inside every other variable of the setup server (whose key is empty):
 * the setup spec proves none of it reaches a page, body or header.
 */
export const CONFIG_CANARY = "cfgcanary9d2b7e";

export const CONFIG_CANARY_ENV = {
  REACTOR_MODEL: `rk_${CONFIG_CANARY}`,
  REACTOR_API_URL: `https://reactor:${CONFIG_CANARY}@api.reactor.test/?token=${CONFIG_CANARY}`,
  REACTOR_TOKEN_LIFETIME_SECONDS: `${CONFIG_CANARY}`,
  REACTOR_TOKEN_MAX_SESSIONS: `-${CONFIG_CANARY}`,
  REACTOR_ALLOWED_ORIGINS: `https://${CONFIG_CANARY}.example/${CONFIG_CANARY}`,
  TOKEN_RATE_LIMIT_PER_MINUTE: `${CONFIG_CANARY}`,
  REACTOR_IDLE_DISCONNECT_SECONDS: `${CONFIG_CANARY}`,
  REACTOR_HIDDEN_DISCONNECT_SECONDS: `-${CONFIG_CANARY}`,
};
/** The policies server's REACTOR_IDLE_DISCONNECT_SECONDS and REACTOR_HIDDEN_DISCONNECT_SECONDS. */
export const POLICY_IDLE_SECONDS = 5;
export const POLICY_HIDDEN_SECONDS = 3;
