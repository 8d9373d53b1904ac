/**
 * Reactor ends every session 1,200 s after it is created
 * (https://docs.reactor.inc, rate limits). SDK 2.9.0 never reports the
 * deadline, so the page counts from the moment the session id arrives
 * (components/sdk-compat.ts), a round trip after Reactor started counting:
 * the clock can only be late by that much, and the page ends the session
 * itself at the deadline.
 */
export const SESSION_MAX_MS = 20 * 60_000;
/** The clock turns into a notice for the last minute. */
export const FINAL_NOTICE_MS = 60_000;

/** Whole seconds left, never negative. */
export function secondsLeft(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}
