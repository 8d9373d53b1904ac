import { render } from "@testing-library/react";
import { StrictMode } from "react";
import { vi } from "vitest";
import { ReactorSession } from "@/components/reactor-session";
import type { PublicConfig } from "@/lib/public-config";
import { TokenCache } from "@/lib/token-cache";
import { SESSION_CONFIG } from "@test/fixtures/public-config";

/** Hands out `jwts` in turn (then the last one again), each valid for an hour. */
export function tokenSource(...jwts: string[]) {
  let i = 0;
  return vi.fn(async () => ({
    jwt: jwts[Math.min(i++, jwts.length - 1)]!,
    expiresAt: Date.now() + 3_600_000,
  }));
}

/**
 * <ReactorSession> as app/page.tsx renders it; the test file mocks the SDK
 * with tests/support/fake-sdk.tsx.
 */
export function renderSession({
  config = {},
  fetcher = tokenSource("jwt-1"),
  strict = false,
}: {
  config?: Partial<PublicConfig>;
  fetcher?: ConstructorParameters<typeof TokenCache>[0];
  strict?: boolean;
} = {}) {
  const tokens = new TokenCache(fetcher);
  const ui = (
    <ReactorSession config={{ ...SESSION_CONFIG, ...config }} tokens={tokens} />
  );
  render(strict ? <StrictMode>{ui}</StrictMode> : ui);
  return { fetcher, tokens };
}
