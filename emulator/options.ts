import type { Scenario } from "./scenario";

// Reaper and protocol timings. Defaults follow the real service (20-minute
// cap) and SDK 2.9.0's behaviour (ping every 5 s, DELETE before it closes
// its own peer); tests shrink them to run in milliseconds.
export interface Timings {
  /** A session is WAITING this long after its GPU "arrives", so the SDK sees at least one not-ready poll. */
  startupMs: number;
  /** Reap a ready session that received no SDP offer within this time. */
  offerTimeoutMs: number;
  /** Reap a connected session whose data channel sent nothing (the SDK pings every 5 s) for this long. */
  pingTimeoutMs: number;
  /**
   * After the client's peer closes or fails, wait this long for a PUT (SDK
   * reconnect()) before reaping. Reactor holds (and bills) a session for 30 s
   * after a recoverable drop (https://docs.reactor.inc, sessions).
   */
  peerLostGraceMs: number;
  /** Reactor terminates sessions after 20 minutes. */
  maxSessionMs: number;
  /** The SDK sends DELETE before closing its own peer; closing ours at once makes Chromium log a data-channel error. */
  peerCloseDelayMs: number;
  reapIntervalMs: number;
  /** Period of the model's `state` message. */
  stateIntervalMs: number;
  /** Longest wait for werift's ICE gathering before the answer is published anyway. */
  gatherTimeoutMs: number;
}

export const DEFAULT_TIMINGS: Readonly<Timings> = Object.freeze({
  startupMs: 150,
  offerTimeoutMs: 30_000,
  pingTimeoutMs: 15_000,
  peerLostGraceMs: 30_000,
  maxSessionMs: 20 * 60_000,
  peerCloseDelayMs: 2_000,
  reapIntervalMs: 1_000,
  stateIntervalMs: 1_000,
  gatherTimeoutMs: 5_000,
});

export interface EmulatorOptions {
  /** 0 picks a free port. Default 8787. */
  port?: number;
  /** Default 127.0.0.1: the emulator is a development tool and should not be reachable from the network. */
  host?: string;
  scenario?: Partial<Scenario>;
  /** Accepted API keys; default: any `rk_…` key. */
  apiKeys?: string[];
  timings?: Partial<Timings>;
  /** Where log lines go; default stdout. Pass `() => {}` to silence. */
  log?: (line: string) => void;
  /** HS256 secret for minted JWTs; default random per process. */
  jwtSecret?: string;
  /** Directory of .ivf clips; default emulator/clips. */
  clipsDir?: string;
  /** Extra ICE host addresses for the server peer (werift skips loopback by default). */
  iceAdditionalHostAddresses?: string[];
}
