import type { Envelope, ModelHost } from "./model-host";
import { isRecord } from "./schema-check";

// The `data` channel's wire format (docs/reactor-contract.md, "Wire
// envelope"): JSON text frames `{scope: "application" | "runtime", data:
// {type, data, uploads?}}` both ways. This file routes a client frame; the
// host decides replies and data-channel.ts moves the bytes.
//
// Runtime scope from the client: `ping` every 5 s (liveness only),
// `fileUploaded` after uploadFile(), `requestSchema` / `requestCapabilities`.
// Application scope: model commands. Nothing malformed gets an answer: the
// runtime's v0 codec drops what it cannot decode, and 2.9.0 clients never
// receive validation errors.

export type { Envelope };

export interface FileUploadedNotice {
  upload_id: string;
  name?: string;
  mime_type?: string;
  size?: number;
}

export interface MessageContext {
  host: Pick<ModelHost, "handleRuntime" | "handleCommand">;
  onLiveness(): void;
  onFileUploaded(notice: FileUploadedNotice): void;
  onCommand(command: string, accepted: boolean): void;
  onIgnored(reason: string): void;
}

export function handleClientMessage(
  raw: string | Buffer,
  ctx: MessageContext,
): void {
  // Any traffic proves the client is alive, not only `ping`.
  ctx.onLiveness();
  let message: unknown;
  try {
    message = JSON.parse(typeof raw === "string" ? raw : raw.toString("utf8"));
  } catch {
    return ctx.onIgnored("frame is not JSON");
  }
  if (
    !isRecord(message) ||
    (message.scope !== "application" && message.scope !== "runtime")
  ) {
    return ctx.onIgnored("frame is not an envelope { scope, data }");
  }
  const inner = message.data;
  if (!isRecord(inner) || typeof inner.type !== "string") {
    return ctx.onIgnored("envelope data is not { type, data }");
  }
  if (message.scope === "application") {
    const accepted = ctx.host.handleCommand(
      inner.type,
      inner.data ?? {},
      inner.uploads,
    );
    return ctx.onCommand(inner.type, accepted);
  }
  if (inner.type === "ping") return;
  if (inner.type === "fileUploaded") {
    if (isRecord(inner.data) && typeof inner.data.upload_id === "string") {
      return ctx.onFileUploaded(inner.data as unknown as FileUploadedNotice);
    }
    return ctx.onIgnored("fileUploaded without upload_id");
  }
  if (!ctx.host.handleRuntime(inner.type)) {
    ctx.onIgnored(`runtime message "${inner.type}"`);
  }
}
