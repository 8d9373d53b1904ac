// @vitest-environment node
import { RtpHeader, RtpPacket } from "werift";
import { expect, test } from "vitest";
import { hostFor } from "@test/emulator/support/model-host";

const frame = () =>
  new RtpPacket(new RtpHeader({ sequenceNumber: 1 }), Buffer.from([0x10]));

test("X2 declares a source camera in and main_video out, and no start", () => {
  const { host } = hostFor("xmax/x2");
  expect(host.profile.id).toBe("x2");
  expect(host.schema["x-reactor"].tracks).toEqual([
    { name: "source", kind: "video", direction: "in" },
    { name: "main_video", kind: "video", direction: "out" },
  ]);
  expect(Object.keys(host.schema.paths!)).not.toContain("/events/start");
});

test("generates (relays source) only with camera frames and a prompt", () => {
  const { host, inbound, command, messages } = hostFor("xmax/x2");
  command("set_prompt", { prompt: "an oil painting" });
  expect(inbound.relaying).toBeNull();
  expect(messages("state_update").at(-1)).toMatchObject({
    prompt: "an oil painting",
    generating: false,
  });
  inbound.receive("source", frame());
  host.tick();
  expect(inbound.relaying).toBe("source");
  expect(messages("generation_started")).toHaveLength(1);
  expect(messages("state_update").at(-1)).toMatchObject({ generating: true });
  // The snapshot goes out as state_update, never as state.
  expect(messages("state")).toEqual([]);
});

test("camera frames without a prompt stay dark; reset stops generation", () => {
  const { host, inbound, command, messages } = hostFor("xmax/x2");
  inbound.receive("source", frame());
  host.tick();
  expect(inbound.relaying).toBeNull();
  command("set_prompt", { prompt: "neon" });
  expect(inbound.relaying).toBe("source");
  command("reset");
  expect(inbound.relaying).toBeNull();
  expect(messages("generation_stopped")).toEqual([{ reason: "reset" }]);
  expect(messages("state_update").at(-1)).toMatchObject({
    prompt: null,
    generating: false,
  });
});

test("set_pointer keeps x and y when only active is sent; out of range is dropped", () => {
  const { host, command, messages } = hostFor("xmax/x2");
  command("set_pointer", { x: 0.25, y: 0.75, active: true });
  command("set_pointer", { active: false });
  expect(messages("pointer_changed")).toEqual([
    { x: 0.25, y: 0.75, active: true },
    { x: 0.25, y: 0.75, active: false },
  ]);
  expect(command("set_pointer", { x: 2, active: true })).toBe(false);
  expect(host.rejected.at(-1)?.name).toBe("set_pointer");
});
