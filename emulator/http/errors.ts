// Reactor's error bodies are `{ "error": "<human message>" }`; handlers throw
// this and the server turns it into that body with the status (and headers,
// e.g. Retry-After on 429).
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}
