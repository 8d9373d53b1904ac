import type { IncomingMessage, ServerResponse } from "node:http";

// A dozen routes do not need a framework: exact segments and `:param`s.

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
  /** Origin the client used to reach us (from Host), for URLs handed back to it such as presigned uploads. */
  origin: string;
}

export type Handler = (ctx: RequestContext) => Promise<void> | void;

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
}

export class Router {
  private readonly routes: Route[] = [];

  on(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, segments: split(pattern), handler });
    return this;
  }

  match(
    method: string,
    pathname: string,
  ): { handler: Handler; params: Record<string, string> } | undefined {
    const parts = split(pathname);
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== parts.length) {
        continue;
      }
      const params: Record<string, string> = {};
      const ok = route.segments.every((segment, i) => {
        const part = parts[i]!;
        if (segment.startsWith(":")) {
          params[segment.slice(1)] = safeDecode(part);
          return true;
        }
        return segment === part;
      });
      if (ok) return { handler: route.handler, params };
    }
    return undefined;
  }
}

function split(path: string): string[] {
  return path.split("/").filter(Boolean);
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
