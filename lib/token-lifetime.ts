/**
 * How long a cached token must still be valid to be reused. SDK 2.9.0 holds
 * one token for a whole session (see components/sdk-compat.ts, which says
 * what this becomes after an upgrade), and Reactor ends sessions at
 * 20 minutes, plus 5 for connecting and teardown. Kept apart from the seam
 * because the server (lib/server/env.ts) and the first-load bundle
 * (lib/token-cache.ts) read it and must not import the SDK.
 */
export const TOKEN_MIN_REMAINING_MS = 25 * 60 * 1000;
