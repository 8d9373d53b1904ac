// @vitest-environment node
import { expect, test, vi } from "vitest";
import {
  handleClientMessage,
  type MessageContext,
} from "@/emulator/model/messages";

function context() {
  return {
    host: {
      handleRuntime: vi.fn((type: string) =>
        ["requestSchema", "requestCapabilities"].includes(type),
      ),
      handleCommand: vi.fn(() => true),
    },
    onLiveness: vi.fn(),
    onFileUploaded: vi.fn(),
    onCommand: vi.fn(),
    onIgnored: vi.fn(),
  } satisfies MessageContext;
}

const envelope = (scope: string, type: string, data: unknown = {}) =>
  JSON.stringify({ scope, data: { type, data } });

test("ping notes liveness and reaches no model code", () => {
  const ctx = context();
  handleClientMessage(envelope("runtime", "ping"), ctx);
  expect(ctx.onLiveness).toHaveBeenCalledOnce();
  expect(ctx.host.handleRuntime).not.toHaveBeenCalled();
  expect(ctx.onIgnored).not.toHaveBeenCalled();
});

test("fileUploaded is passed on; without upload_id it is ignored", () => {
  const ctx = context();
  const notice = {
    upload_id: "u_1",
    name: "a.png",
    mime_type: "image/png",
    size: 3,
  };
  handleClientMessage(envelope("runtime", "fileUploaded", notice), ctx);
  expect(ctx.onFileUploaded).toHaveBeenCalledWith(notice);
  handleClientMessage(envelope("runtime", "fileUploaded", {}), ctx);
  expect(ctx.onIgnored).toHaveBeenCalledWith("fileUploaded without upload_id");
});

test("schema requests go to the host; unknown runtime types are logged as ignored", () => {
  const ctx = context();
  handleClientMessage(envelope("runtime", "requestSchema"), ctx);
  expect(ctx.host.handleRuntime).toHaveBeenCalledWith("requestSchema");
  handleClientMessage(envelope("runtime", "requestClip"), ctx);
  expect(ctx.onIgnored).toHaveBeenCalledWith('runtime message "requestClip"');
});

test("application commands go to the host with the envelope's uploads", () => {
  const ctx = context();
  const uploads = { image: { upload_id: "u_1" } };
  handleClientMessage(
    JSON.stringify({
      scope: "application",
      data: { type: "set_image", data: {}, uploads },
    }),
    ctx,
  );
  expect(ctx.host.handleCommand).toHaveBeenCalledWith("set_image", {}, uploads);
  expect(ctx.onCommand).toHaveBeenCalledWith("set_image", true);
  // A frame with no inner data still reaches the model as an empty body.
  handleClientMessage(
    JSON.stringify({ scope: "application", data: { type: "start" } }),
    ctx,
  );
  expect(ctx.host.handleCommand).toHaveBeenLastCalledWith(
    "start",
    {},
    undefined,
  );
});

test("garbage is ignored and logged, never answered", () => {
  const ctx = context();
  handleClientMessage("not json", ctx);
  handleClientMessage(JSON.stringify({ hello: 1 }), ctx);
  handleClientMessage(JSON.stringify({ scope: "application", data: 3 }), ctx);
  expect(ctx.onIgnored).toHaveBeenCalledTimes(3);
  expect(ctx.host.handleCommand).not.toHaveBeenCalled();
  handleClientMessage(Buffer.from(envelope("application", "pause")), ctx);
  expect(ctx.host.handleCommand).toHaveBeenCalledWith("pause", {}, undefined);
});
