import type { TokenResponse } from "@/lib/token-schema";
import { TOKEN_MIN_REMAINING_MS } from "@/lib/token-lifetime";

type Fetcher = () => Promise<TokenResponse>;

/**
 * Holds one token in memory (never storage, never logged) so minting is off
 * the critical path of Connect: the app prefetches in idle time and Connect
 * reuses the token while it still outlives a whole session. Concurrent
 * callers share one request, so a double click never mints twice.
 */
export class TokenCache {
  private token: TokenResponse | undefined;
  private pending: Promise<TokenResponse> | undefined;

  constructor(
    private readonly fetcher: Fetcher,
    private readonly now: () => number = Date.now,
  ) {}

  /** A token with enough lifetime left, minting a fresh one when needed. */
  get(): Promise<TokenResponse> {
    const token = this.peek();
    if (token) return Promise.resolve(token);
    this.token = undefined;
    this.pending ??= this.fetcher().then(
      (token) => {
        this.pending = undefined;
        this.token = token;
        return token;
      },
      (error: unknown) => {
        this.pending = undefined;
        throw error;
      },
    );
    return this.pending;
  }

  /** The token in hand, if it has enough lifetime left; never mints. */
  peek(): TokenResponse | undefined {
    return this.token && this.isFresh(this.token) ? this.token : undefined;
  }

  /** Warm the cache; failures surface later, when Connect asks again. */
  prefetch(): void {
    this.get().catch(() => undefined);
  }

  /** Forget the token, e.g. after Reactor rejected it as expired. */
  invalidate(): void {
    this.token = undefined;
  }

  private isFresh(token: TokenResponse): boolean {
    return token.expiresAt - this.now() >= TOKEN_MIN_REMAINING_MS;
  }
}
