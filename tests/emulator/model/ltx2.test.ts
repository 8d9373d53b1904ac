// @vitest-environment node
import { expect, test } from "vitest";
import { hostFor } from "@test/emulator/support/model-host";

const avatar = (id: string) => ({
  avatar_image: {
    upload_id: id,
    name: "a.png",
    mime_type: "image/png",
    size: 100,
  },
});

function ready() {
  const session = hostFor("reactor/ltx2");
  session.addUpload("u_1", { width: 512, height: 512 });
  session.command("set_avatar_image", {}, avatar("u_1"));
  session.command("set_script", {
    script: "Hello and welcome to the local emulator.",
  });
  return session;
}

test("LTX-2 declares main_video and main_audio out", () => {
  const { host } = hostFor("reactor/ltx2");
  expect(host.schema["x-reactor"].tracks).toEqual([
    { name: "main_video", kind: "video", direction: "out" },
    { name: "main_audio", kind: "audio", direction: "out" },
  ]);
});

test("start is not valid without an avatar and a script", () => {
  const { command, messages, player } = hostFor("reactor/ltx2");
  expect(messages("state_update")).toEqual([]);
  command("set_script", { script: "Hi" });
  expect(messages("state_update").at(-1)).toMatchObject({
    ready: false,
    has_avatar_image: false,
  });
  expect(messages("state_update").at(-1)!.valid_commands).not.toContain(
    "start",
  );
  command("start");
  expect(messages("command_error")).toEqual([
    { command: "start", reason: "start is not valid now" },
  ]);
  expect(player.snapshot().paused).toBe(true);
});

test("avatar + script + start: the stream (video, and with it audio) plays", () => {
  const { command, messages, player } = ready();
  expect(messages("avatar_image_accepted")).toEqual([
    { width: 512, height: 512 },
  ]);
  expect(messages("script_accepted")).toEqual([{ words: 7 }]);
  expect(messages("state_update").at(-1)).toMatchObject({
    ready: true,
    valid_commands: expect.arrayContaining(["start"]),
  });
  command("start");
  expect(player.snapshot().paused).toBe(false);
  expect(messages("generation_started")).toHaveLength(1);
  expect(messages("state_update").at(-1)).toMatchObject({
    generating: true,
    valid_commands: expect.arrayContaining(["pause", "stop"]),
  });
});

test("setters during a take are queued for the next one; stop keeps the conditions", () => {
  const { command, messages, player } = ready();
  command("start");
  command("set_script", { script: "Something else entirely" });
  expect(messages("state_update").at(-1)).toMatchObject({
    queued_changes: ["set_script"],
    script: "Hello and welcome to the local emulator.",
  });
  command("stop");
  expect(player.snapshot().paused).toBe(true);
  expect(messages("state_update").at(-1)).toMatchObject({
    generating: false,
    queued_changes: [],
    script: "Something else entirely",
    ready: true,
  });
});

test("wpm outside the state's bounds is the model's command_error", () => {
  const { command, messages } = hostFor("reactor/ltx2");
  command("set_wpm", { wpm: 500 });
  expect(messages("command_error")).toEqual([
    { command: "set_wpm", reason: "wpm must be 80–220" },
  ]);
});
