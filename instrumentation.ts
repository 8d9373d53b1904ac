/*
 * Next calls register() once when a server instance starts
 * (https://nextjs.org/docs/app/guides/instrumentation).
 *
 * Why here and not on the first token request: the warning lands in the log
 * next to "Ready in …", where whoever deploys is looking, before any traffic,
 * and no request pays for it. Only in production: `next dev` runs where
 * nobody forges headers, and only `next start` is reached by strangers.
 */
export async function register(): Promise<void> {
  if (
    process.env.NEXT_RUNTIME !== "nodejs" ||
    process.env.NODE_ENV !== "production"
  ) {
    return;
  }
  // Dynamic, so the edge runtime never compiles server-only modules.
  const { untrustedProxyHeadersWarning } =
    await import("@/lib/server/client-key");
  const warning = untrustedProxyHeadersWarning();
  if (warning) console.warn(warning);
}
