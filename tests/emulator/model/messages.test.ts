// @vitest-environment node
import { expect, test, vi } from "vitest";
import {
  handleClientMessage,
  type MessageContext,
} from "@/emulator/model/messages";

function context(): MessageContext & { scene: string; paused: boolean } {
  const ctx = {
    scene: "testsrc",
    paused: false,
    model: {
      scenes: ["testsrc", "night"],
      setScene: (name: string) =>
        ["testsrc", "night"].includes(name) && ((ctx.scene = name), true),
      pause: () => void (ctx.paused = true),
      resume: () => void (ctx.paused = false),
    },
    onLiveness: vi.fn(),
    onFileUploaded: vi.fn(),
    onCommand: vi.fn(),
    onIgnored: vi.fn(),
  };
  return ctx;
}

const envelope = (scope: string, type: string, data: unknown = {}) =>
  JSON.stringify({ scope, data: { type, data } });

test("ping notes liveness and gets no reply", () => {
  const ctx = context();
  expect(handleClientMessage(envelope("runtime", "ping"), ctx)).toEqual([]);
  expect(ctx.onLiveness).toHaveBeenCalledOnce();
});

test("requestCapabilities is answered with runtime modelCapabilities", () => {
  const [reply] = handleClientMessage(
    envelope("runtime", "requestCapabilities"),
    context(),
  );
  expect(reply).toMatchObject({
    scope: "runtime",
    data: { type: "modelCapabilities" },
  });
  const commands = (
    reply!.data.data as { commands: { name: string; schema: object }[] }
  ).commands;
  expect(commands[0]).toEqual({
    name: "set_scene",
    description: expect.any(String),
    schema: {
      scene: {
        type: "string",
        enum: ["testsrc", "night"],
        required: true,
        description: expect.any(String),
      },
    },
  });
});

test("fileUploaded is accepted silently", () => {
  const ctx = context();
  const notice = {
    upload_id: "u_1",
    name: "a.png",
    mime_type: "image/png",
    size: 3,
  };
  expect(
    handleClientMessage(envelope("runtime", "fileUploaded", notice), ctx),
  ).toEqual([]);
  expect(ctx.onFileUploaded).toHaveBeenCalledWith(notice);
});

test("each application command is acknowledged or rejected, and changes the model", () => {
  const ctx = context();
  expect(
    handleClientMessage(
      envelope("application", "set_scene", { scene: "night" }),
      ctx,
    ),
  ).toEqual([
    {
      scope: "application",
      data: { type: "command_ack", data: { command: "set_scene", ok: true } },
    },
  ]);
  expect(ctx.scene).toBe("night");
  handleClientMessage(envelope("application", "pause"), ctx);
  expect(ctx.paused).toBe(true);
  handleClientMessage(envelope("application", "resume"), ctx);
  expect(ctx.paused).toBe(false);
  const [bad] = handleClientMessage(
    envelope("application", "set_scene", { scene: "mars" }),
    ctx,
  );
  expect(bad).toMatchObject({
    data: {
      type: "command_error",
      data: { command: "set_scene", message: expect.stringMatching(/mars/) },
    },
  });
  const [unknown] = handleClientMessage(envelope("application", "fly"), ctx);
  expect(unknown).toEqual({
    scope: "application",
    data: {
      type: "command_error",
      data: { command: "fly", message: 'unknown command "fly"' },
    },
  });
  expect(ctx.onCommand).toHaveBeenCalledTimes(5);
});

test("commands carrying uploads (FileRef moved out of data) are still acknowledged", () => {
  const raw = JSON.stringify({
    scope: "application",
    data: {
      type: "pause",
      data: {},
      uploads: {
        image: {
          upload_id: "u_1",
          name: "a.png",
          mime_type: "image/png",
          size: 3,
        },
      },
    },
  });
  expect(handleClientMessage(raw, context())[0]!.data.type).toBe("command_ack");
});

test("garbage gets a command_error instead of silence", () => {
  expect(handleClientMessage("not json", context())[0]!.data.type).toBe(
    "command_error",
  );
  expect(
    handleClientMessage(JSON.stringify({ hello: 1 }), context())[0]!.data.type,
  ).toBe("command_error");
  expect(
    handleClientMessage(
      Buffer.from(envelope("application", "pause")),
      context(),
    )[0]!.data.type,
  ).toBe("command_ack");
});
