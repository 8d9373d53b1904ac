import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  assertPrerequisites,
  startFakeReactor,
  startNext,
  startRedis,
  type FakeReactor,
  type NextInstance,
  type RedisProcess,
} from "./support/servers";

/*
 * Two `next start` instances of the production build share one real Redis,
 * behind a (pretend) proxy that sets x-real-ip: TRUST_PROXY_HEADERS=1. The
 * per-client limit and the deployment-wide ceiling must hold across them, and
 * killing Redis must leave both minting within their in-memory limits: no
 * 500, no hang.
 */

const PER_CLIENT = 3;
const CEILING = 8;
const REDIS_PASSWORD = "integration-redis-pw-4f9c2e";
/** Far above a healthy answer (~10 ms) and the Redis command timeout (500 ms). */
const SLOW_MS = 2_000;

let reactor: FakeReactor;
let redis: RedisProcess;
let instances: NextInstance[] = [];

beforeAll(async () => {
  assertPrerequisites();
  reactor = await startFakeReactor();
  redis = await startRedis(REDIS_PASSWORD);
  const env = {
    REACTOR_API_KEY: "rk_integration_0123456789",
    REACTOR_API_URL: reactor.url,
    TRUST_PROXY_HEADERS: "1",
    REDIS_URL: redis.url,
    TOKEN_RATE_LIMIT_PER_MINUTE: String(PER_CLIENT),
    TOKEN_RATE_LIMIT_GLOBAL_PER_MINUTE: String(CEILING),
  };
  instances = await Promise.all([startNext(env), startNext(env)]);
  // The first request loads the route and connects to Redis: not what these
  // tests time or count.
  for (const instance of instances) await token(instance, "192.0.2.254");
}, 120_000);

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  await redis?.kill();
  await reactor?.close();
});

/** Forget the counts in Redis, so each test starts a fresh minute. */
async function flushRedis() {
  const client = new Redis(redis.url, { lazyConnect: true });
  await client.connect();
  await client.flushall();
  client.disconnect();
}

interface Outcome {
  status: number;
  ms: number;
  retryAfter: string | null;
}

async function token(instance: NextInstance, ip: string): Promise<Outcome> {
  const started = performance.now();
  const response = await fetch(`${instance.url}/api/token`, {
    headers: { "x-real-ip": ip },
    signal: AbortSignal.timeout(10_000),
  });
  await response.arrayBuffer();
  return {
    status: response.status,
    ms: performance.now() - started,
    retryAfter: response.headers.get("retry-after"),
  };
}

const statuses = (outcomes: Outcome[]) => outcomes.map((o) => o.status);

/** For failure messages: what the servers said (a Redis fallback shows here). */
const logs = () =>
  instances
    .map((instance, i) => `--- instance ${i}\n${instance.log()}`)
    .join("\n");

describe("with Redis up", () => {
  test("one client's limit holds across both instances", async () => {
    await flushRedis();
    const [a, b] = instances as [NextInstance, NextInstance];
    const outcomes: Outcome[] = [];
    for (const instance of [a, b, a, b, a]) {
      outcomes.push(await token(instance, "203.0.113.10"));
    }
    expect(statuses(outcomes), logs()).toEqual([200, 200, 200, 429, 429]);
    expect(Number(outcomes[3]!.retryAfter)).toBeGreaterThan(0);
    // Another client is unaffected.
    expect((await token(b, "203.0.113.11")).status).toBe(200);
  });

  test("rotating addresses over both instances stops at one shared ceiling", async () => {
    await flushRedis();
    const mintsBefore = reactor.mints();
    const outcomes: Outcome[] = [];
    for (let i = 0; i < 20; i++) {
      outcomes.push(await token(instances[i % 2]!, `198.51.100.${i}`));
    }
    // Per instance it would be 2 × CEILING.
    expect(statuses(outcomes), logs()).toEqual([
      ...Array(CEILING).fill(200),
      ...Array(20 - CEILING).fill(429),
    ]);
    expect(reactor.mints() - mintsBefore).toBe(CEILING);
  });
});

describe("the start-up warning about IP headers", () => {
  const WARNING = /TRUST_PROXY_HEADERS is not set/g;

  test("is logged once by a production server that does not trust them, and not by these", async () => {
    const untrusting = await startNext({
      REACTOR_API_KEY: "rk_integration_0123456789",
      REACTOR_API_URL: reactor.url,
    });
    try {
      // Forged addresses share one bucket there (default limit 10).
      const outcomes: Outcome[] = [];
      for (let i = 0; i < 11; i++) {
        outcomes.push(await token(untrusting, `203.0.113.${50 + i}`));
      }
      expect(statuses(outcomes)).toEqual([...Array(10).fill(200), 429]);
      expect(untrusting.log().match(WARNING)).toHaveLength(1);
    } finally {
      await untrusting.stop();
    }
    for (const instance of instances) {
      expect(instance.log()).not.toMatch(WARNING);
    }
  });
});

describe("when Redis dies mid-run", () => {
  test("both instances keep minting within their in-memory limits, with no 500 and no hang", async () => {
    await flushRedis();
    const before: Outcome[] = [];
    for (let i = 0; i < 4; i++) {
      before.push(await token(instances[i % 2]!, `192.0.2.${i}`));
    }
    expect(statuses(before), logs()).toEqual([200, 200, 200, 200]);

    await redis.kill();

    for (const instance of instances) {
      // Per client, from memory: the limit still holds.
      const sameClient: Outcome[] = [];
      for (let i = 0; i < PER_CLIENT + 1; i++) {
        sameClient.push(await token(instance, "192.0.2.200"));
      }
      expect(statuses(sameClient)).toEqual([
        ...Array(PER_CLIENT).fill(200),
        429,
      ]);
      // The ceiling, from memory: this instance's own CEILING a minute.
      const rotating: Outcome[] = [];
      for (let i = 0; i < 10; i++) {
        rotating.push(await token(instance, `192.0.2.${100 + i}`));
      }
      const left = CEILING - PER_CLIENT;
      expect(statuses(rotating)).toEqual([
        ...Array(left).fill(200),
        ...Array(10 - left).fill(429),
      ]);
      for (const outcome of [...sameClient, ...rotating]) {
        expect(outcome.ms).toBeLessThan(SLOW_MS);
      }

      // Told once (not once per request), and never with the password.
      const log = instance.log();
      expect(log.match(/Redis \(REDIS_URL\) is unavailable/g)).toHaveLength(1);
      expect(log).not.toContain(REDIS_PASSWORD);
      expect(log).not.toContain("internal_error");
    }
  });

  test("once Redis is back, the instances share their limits again", async () => {
    await redis.restart();
    // ioredis retries in the background, at most 5 s apart.
    await expect
      .poll(
        () =>
          instances.every((instance) =>
            instance.log().includes("Redis (REDIS_URL) answers again"),
          ),
        { timeout: 15_000, interval: 250 },
      )
      .toBe(true);
    const outcomes: Outcome[] = [];
    for (let i = 0; i < 12; i++) {
      outcomes.push(await token(instances[i % 2]!, `192.0.2.${150 + i}`));
    }
    expect(statuses(outcomes)).toEqual([
      ...Array(CEILING).fill(200),
      ...Array(12 - CEILING).fill(429),
    ]);
  });
});
