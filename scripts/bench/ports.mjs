import { createServer } from "node:net";
import { freePort } from "../lib/free-port.mjs";

/*
 * Ports for the benchmark's servers: any free one by default, or, on a
 * machine shared with other test runs, the next free one in BENCH_PORTS
 * (e.g. BENCH_PORTS=52300-52399), so the benchmark stays in its own range.
 */
const range = /^(\d+)-(\d+)$/.exec(process.env.BENCH_PORTS ?? "");
let next = range ? Number(range[1]) : 0;

const isFree = (port) =>
  new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });

export async function benchPort() {
  if (!range) return freePort();
  while (next <= Number(range[2])) {
    const port = next++;
    if (await isFree(port)) return port;
  }
  throw new Error(`BENCH_PORTS ${range[0]}: no free port left.`);
}
