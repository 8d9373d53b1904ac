import type { IncomingMessage } from "node:http";
import { HttpError } from "./errors";

// SDP offers with candidates are a few KB; 1 MB is generous and still bounded.
const MAX_JSON_BYTES = 1024 * 1024;

async function readText(
  req: IncomingMessage,
  limit = MAX_JSON_BYTES,
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Keep reading past the limit (discarding): leaving the loop early would destroy
  // the socket, and the client would see a reset instead of our 413.
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  if (size > limit) {
    throw new HttpError(413, `request body larger than ${limit} bytes`);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Parsed JSON body; `undefined` when the body is empty (POST /tokens allows that). */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readText(req);
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, "request body is not valid JSON");
  }
}
