// GET /api/token under load: our route against the baseline app's route
// (scripts/bench/next-baseline.mjs), both minting from the same upstream.
// autocannon, 10 connections, alternating rounds so drift on a shared machine
// hits both sides equally; each side's figure is the median of its rounds.
import autocannon from "autocannon";
import { envCount, median } from "./stats.mjs";

const CONNECTIONS = 10;

function run(url, seconds) {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    // A browser's own fetch: same-origin, so the origin check admits it.
    headers: { "sec-fetch-site": "same-origin" },
  });
}

function check(result, label) {
  if (result.non2xx || result.errors || result.timeouts) {
    throw new Error(
      `${label}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts. Is the rate limit off and the upstream up?`,
    );
  }
}

/** { ours, baseline }: each { rps, p50 } medians over the rounds. */
export async function benchRoute({ oursUrl, baselineUrl }) {
  const rounds = envCount("BENCH_ROUTE_ROUNDS", 3);
  const seconds = envCount("BENCH_ROUTE_SECONDS", 10);
  const sides = {
    ours: `${oursUrl}/api/token`,
    baseline: `${baselineUrl}/api/token`,
  };
  // Warm-up: JIT, connection pools, Next's first compile of each route.
  for (const url of Object.values(sides)) await run(url, 2);
  const samples = { ours: [], baseline: [] };
  for (let i = 0; i < rounds; i++) {
    for (const [side, url] of Object.entries(sides)) {
      const result = await run(url, seconds);
      check(result, side);
      samples[side].push(result);
    }
  }
  const figure = (results) => ({
    rps: median(results.map((r) => r.requests.average)),
    p50: median(results.map((r) => r.latency.p50)),
  });
  return {
    rounds,
    seconds,
    connections: CONNECTIONS,
    ours: figure(samples.ours),
    baseline: figure(samples.baseline),
  };
}
