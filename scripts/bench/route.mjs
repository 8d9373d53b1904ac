// GET /api/token under load: our route against the baseline app's route
// (scripts/bench/next-baseline.mjs), both minting from the same upstream.
// autocannon, 10 connections.
//
// Why pairs of short rounds: on a shared 2-core VM the same server's
// throughput drifts by ±25 % over tens of seconds (the host, GC, JIT), far
// more than the difference being measured. Each pair runs both sides back to
// back, in alternating order (ours first, then baseline first), so drift hits
// both alike; the verdicts use the median of the per-pair ratios and
// differences, and the spread of the ratios is printed with them.
import autocannon from "autocannon";
import { envCount, median } from "./stats.mjs";

const CONNECTIONS = 10;
// Measured here, both servers keep speeding up for the first 20-30 s under
// load (JIT, connection pools).
const WARMUP_SECONDS = 15;

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

/**
 * { pairs, seconds, connections, ours, baseline, share, p50Gap }: ours and
 * baseline are each side's median { rps, p50 }; share (ours ÷ baseline
 * throughput, %) and p50Gap (ours − baseline, ms) are { median, min, max }
 * over the pairs.
 */
export async function benchRoute({ oursUrl, baselineUrl }) {
  const pairs = envCount("BENCH_ROUTE_ROUNDS", 8);
  const seconds = envCount("BENCH_ROUTE_SECONDS", 5);
  const sides = {
    ours: `${oursUrl}/api/token`,
    baseline: `${baselineUrl}/api/token`,
  };
  for (const url of Object.values(sides)) await run(url, WARMUP_SECONDS);
  const samples = { ours: [], baseline: [] };
  const shares = [];
  const gaps = [];
  for (let i = 0; i < pairs; i++) {
    const order = i % 2 ? ["baseline", "ours"] : ["ours", "baseline"];
    const pair = {};
    for (const side of order) {
      const result = await run(sides[side], seconds);
      check(result, side);
      pair[side] = { rps: result.requests.average, p50: result.latency.p50 };
      samples[side].push(pair[side]);
    }
    shares.push((pair.ours.rps / pair.baseline.rps) * 100);
    gaps.push(pair.ours.p50 - pair.baseline.p50);
  }
  const figure = (list) => ({
    rps: median(list.map((r) => r.rps)),
    p50: median(list.map((r) => r.p50)),
  });
  const spread = (list) => ({
    median: median(list),
    min: Math.min(...list),
    max: Math.max(...list),
  });
  return {
    pairs,
    seconds,
    connections: CONNECTIONS,
    ours: figure(samples.ours),
    baseline: figure(samples.baseline),
    share: spread(shares),
    p50Gap: spread(gaps),
  };
}
