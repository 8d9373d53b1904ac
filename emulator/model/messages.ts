import { describeCommands } from "./capabilities";
import { runCommand, type ModelControls } from "./commands";

// The `data` channel protocol of SDK 2.9.0 (reactor-protocol §4.8): JSON text
// frames `{ scope: "application" | "runtime", data: { type, data, uploads? } }`
// both ways. This file decides replies; data-channel.ts moves the bytes.
//
// Runtime scope from the client: `ping` every 5 s (liveness only, no reply),
// `requestCapabilities` (answered with `modelCapabilities`, what
// <ReactorController> waits for), `fileUploaded` after uploadFile().
// Application scope: model commands, each acknowledged with `command_ack` or
// `command_error`.

export type Scope = "application" | "runtime";

export interface Envelope {
  scope: Scope;
  data: { type: string; data: unknown };
}

export interface FileUploadedNotice {
  upload_id: string;
  name?: string;
  mime_type?: string;
  size?: number;
}

export interface MessageContext {
  model: ModelControls;
  onLiveness(): void;
  onFileUploaded(notice: FileUploadedNotice): void;
  onCommand(command: string, ok: boolean): void;
  onIgnored(reason: string): void;
}

export function applicationMessage(type: string, data: unknown): Envelope {
  return { scope: "application", data: { type, data } };
}

export function handleClientMessage(
  raw: string | Buffer,
  ctx: MessageContext,
): Envelope[] {
  // Any traffic proves the client is alive, not only `ping`.
  ctx.onLiveness();
  let message: unknown;
  try {
    message = JSON.parse(typeof raw === "string" ? raw : raw.toString("utf8"));
  } catch {
    return [commandError("", "message is not JSON")];
  }
  if (
    !isRecord(message) ||
    (message.scope !== "application" && message.scope !== "runtime")
  ) {
    return [commandError("", "expected an envelope { scope, data }")];
  }
  const inner = message.data;
  if (!isRecord(inner) || typeof inner.type !== "string") {
    return message.scope === "application"
      ? [commandError("", "expected data: { type, data }")]
      : [];
  }
  return message.scope === "runtime"
    ? handleRuntime(inner.type, inner.data, ctx)
    : handleCommand(inner.type, inner.data, ctx);
}

function handleRuntime(
  type: string,
  data: unknown,
  ctx: MessageContext,
): Envelope[] {
  switch (type) {
    case "ping":
      return [];
    case "requestCapabilities":
      return [
        {
          scope: "runtime",
          data: {
            type: "modelCapabilities",
            data: { commands: describeCommands(ctx.model.scenes) },
          },
        },
      ];
    case "fileUploaded":
      if (isRecord(data) && typeof data.upload_id === "string")
        ctx.onFileUploaded(data as unknown as FileUploadedNotice);
      else ctx.onIgnored("fileUploaded without upload_id");
      return [];
    default:
      // Newer SDKs send requestSchema etc.; a 2.9.0-era runtime ignores what it does not know.
      ctx.onIgnored(`runtime message "${type}"`);
      return [];
  }
}

function handleCommand(
  type: string,
  args: unknown,
  ctx: MessageContext,
): Envelope[] {
  const result = runCommand(ctx.model, type, args);
  ctx.onCommand(type, result.ok);
  return [
    result.ok
      ? applicationMessage("command_ack", { command: type, ok: true })
      : commandError(type, result.message),
  ];
}

function commandError(command: string, message: string): Envelope {
  return applicationMessage("command_error", { command, message });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
