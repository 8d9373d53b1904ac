import { describe, expect, it, vi } from "vitest";
import { TokenCache } from "@/lib/token-cache";
import { TOKEN_MIN_REMAINING_MS } from "@/lib/token-lifetime";

const NOW = 1_700_000_000_000;
const token = (jwt: string, lifetimeMs: number) => ({
  jwt,
  expiresAt: NOW + lifetimeMs,
});

describe("TokenCache", () => {
  it("reuses a token that still outlives a whole session", async () => {
    const fetcher = vi.fn(async () => token("a", TOKEN_MIN_REMAINING_MS + 1));
    const cache = new TokenCache(fetcher, () => NOW);
    expect((await cache.get()).jwt).toBe("a");
    expect((await cache.get()).jwt).toBe("a");
    expect(fetcher).toHaveBeenCalledTimes(1);
  });

  it("mints again when the cached token would expire mid-session", async () => {
    const fetcher = vi
      .fn()
      .mockResolvedValueOnce(token("short", TOKEN_MIN_REMAINING_MS - 1))
      .mockResolvedValueOnce(token("long", TOKEN_MIN_REMAINING_MS * 2));
    const cache = new TokenCache(fetcher, () => NOW);
    await cache.get();
    expect((await cache.get()).jwt).toBe("long");
  });

  it("peek() hands over a fresh token without minting, and nothing else", async () => {
    let now = NOW;
    const fetcher = vi.fn(async () => token("a", TOKEN_MIN_REMAINING_MS + 10));
    const cache = new TokenCache(fetcher, () => now);
    expect(cache.peek()).toBeUndefined();
    const pending = cache.get();
    expect(cache.peek()).toBeUndefined();
    await pending;
    expect(cache.peek()?.jwt).toBe("a");
    now += 11;
    expect(cache.peek()).toBeUndefined();
    cache.invalidate();
    expect(cache.peek()).toBeUndefined();
    expect(fetcher).toHaveBeenCalledTimes(1);
  });

  it("shares one request between concurrent callers", async () => {
    const fetcher = vi.fn(async () => token("a", TOKEN_MIN_REMAINING_MS * 2));
    const cache = new TokenCache(fetcher, () => NOW);
    const [x, y] = await Promise.all([cache.get(), cache.get()]);
    expect(x).toBe(y);
    expect(fetcher).toHaveBeenCalledTimes(1);
  });

  it("mints a fresh token after invalidate()", async () => {
    const fetcher = vi
      .fn()
      .mockResolvedValueOnce(token("old", TOKEN_MIN_REMAINING_MS * 2))
      .mockResolvedValueOnce(token("new", TOKEN_MIN_REMAINING_MS * 2));
    const cache = new TokenCache(fetcher, () => NOW);
    await cache.get();
    cache.invalidate();
    expect((await cache.get()).jwt).toBe("new");
  });

  it("does not cache a failure: the next call asks again", async () => {
    const fetcher = vi
      .fn()
      .mockRejectedValueOnce(new Error("down"))
      .mockResolvedValueOnce(token("ok", TOKEN_MIN_REMAINING_MS * 2));
    const cache = new TokenCache(fetcher, () => NOW);
    await expect(cache.get()).rejects.toThrow("down");
    expect((await cache.get()).jwt).toBe("ok");
  });

  it("prefetch() swallows its failure instead of raising an unhandled rejection", async () => {
    const fetcher = vi.fn().mockRejectedValue(new Error("down"));
    const cache = new TokenCache(fetcher, () => NOW);
    cache.prefetch();
    await expect(cache.get()).rejects.toThrow("down");
  });
});
