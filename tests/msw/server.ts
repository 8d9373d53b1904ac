import { setupServer } from "msw/node";
import { handlers } from "./handlers";

export const server = setupServer(...handlers);

/**
 * Counts the requests msw sees from now on (handled or not), until
 * `server.events.removeAllListeners()`: proof that a refusal never called Reactor.
 */
export function countRequests(): { readonly count: number } {
  const counter = { count: 0 };
  server.events.on("request:start", () => {
    counter.count += 1;
  });
  return counter;
}
