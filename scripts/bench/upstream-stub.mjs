// A stand-in for Reactor's POST /tokens for the route benchmark: a fixed,
// JWT-shaped token and a fresh expires_at, no signing, so the figures are the
// two Next routes' cost and not the upstream's. Run as its own process
// (node scripts/bench/upstream-stub.mjs PORT) so it never shares an event
// loop with the load generator.
import { createServer } from "node:http";

const port = Number(process.argv[2]);
const b64 = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");
const jwt = `${b64({ alg: "none", typ: "JWT" })}.${b64({ sub: "bench" })}.c2ln`;

createServer((req, res) => {
  if (req.method !== "POST" || req.url !== "/tokens") {
    res.writeHead(404).end();
    return;
  }
  req.resume();
  req.on("end", () => {
    const body = JSON.stringify({
      jwt,
      expires_at: Math.floor(Date.now() / 1000) + 3600,
    });
    res.writeHead(200, { "Content-Type": "application/json" }).end(body);
  });
}).listen(port, "127.0.0.1", () => console.log(`listening on ${port}`));
