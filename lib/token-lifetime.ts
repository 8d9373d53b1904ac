/**
 * SDK 2.9.0 copies the token into its HTTP clients at connect() and reuses it
 * for polling, signalling, reconnect() and the final DELETE. A token is only
 * worth reusing if it outlives a whole session: Reactor ends sessions at
 * 20 minutes, plus 5 for connecting and teardown.
 */
export const TOKEN_MIN_REMAINING_MS = 25 * 60 * 1000;
