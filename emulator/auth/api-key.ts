import type { IncomingMessage } from "node:http";
import { createHash } from "node:crypto";
import { HttpError } from "../http/errors";

// API keys are only valid on POST /tokens, in the `Reactor-API-Key` header
// (the legacy `X-API-Key` + GET form is gone, so it is refused here too).
// Without a configured list any `rk_…` key is accepted: the emulator needs no
// real key, but a missing or malformed one still fails like the real service.

export function requireApiKey(
  req: IncomingMessage,
  acceptedKeys: readonly string[] | null,
): string {
  const key = req.headers["reactor-api-key"];
  if (typeof key !== "string" || key === "") {
    const hint = req.headers["x-api-key"]
      ? " (X-API-Key is the retired header name)"
      : "";
    throw new HttpError(401, `missing Reactor-API-Key header${hint}`);
  }
  const ok = acceptedKeys ? acceptedKeys.includes(key) : /^rk_\S+$/.test(key);
  if (!ok) throw new HttpError(401, "unknown key");
  return key;
}

/** Stable, non-reversible account id for a key: tokens minted from one key share it. */
export function accountIdForKey(key: string): string {
  return `acct_${createHash("sha256").update(key).digest("hex").slice(0, 16)}`;
}
