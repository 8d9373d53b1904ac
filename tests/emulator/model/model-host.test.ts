// @vitest-environment node
import { expect, test } from "vitest";
import { eventNames } from "@/emulator/model/openapi";
import { hostFor } from "@test/emulator/support/model-host";

test("requestSchema is answered with the model's OpenAPI document on the runtime scope", () => {
  const { host, sent } = hostFor("acme/test-pattern");
  expect(host.handleRuntime("requestSchema")).toBe(true);
  expect(sent).toEqual([
    { scope: "runtime", data: { type: "modelSchema", data: host.schema } },
  ]);
  expect(host.schema.openapi).toBe("3.1.0");
  expect(eventNames(host.schema)).toEqual(["set_scene", "pause", "resume"]);
  expect(host.schemaRequests).toBe(1);
});

test("a requestSchema before the model has loaded is dropped; a retry later is answered", async () => {
  const { host, messages } = hostFor("acme/test-pattern", { modelLoadMs: 80 });
  host.handleRuntime("requestSchema");
  expect(messages("modelSchema")).toEqual([]);
  await new Promise((resolve) => setTimeout(resolve, 100));
  host.handleRuntime("requestSchema");
  expect(messages("modelSchema")).toHaveLength(1);
  expect(host.schemaRequests).toBe(2);
});

test('schemaProtocol "current": requestCapabilities gets an empty command list', () => {
  const { host, messages } = hostFor("acme/test-pattern");
  host.handleRuntime("requestCapabilities");
  expect(messages("modelCapabilities")).toEqual([{ commands: [] }]);
});

test('schemaProtocol "legacy": commands come in modelCapabilities and requestSchema is ignored', () => {
  const { host, messages } = hostFor("acme/test-pattern", {
    schemaProtocol: "legacy",
  });
  host.handleRuntime("requestSchema");
  expect(messages("modelSchema")).toEqual([]);
  expect(host.schemaRequests).toBe(1);
  host.handleRuntime("requestCapabilities");
  const [{ commands }] = messages("modelCapabilities") as [
    { commands: { name: string; schema: object }[] },
  ];
  expect(commands.map((command) => command.name)).toEqual([
    "set_scene",
    "pause",
    "resume",
  ]);
  expect(commands[0]!.schema).toEqual({
    scene: {
      type: "string",
      enum: ["testsrc", "mandelbrot", "night"],
      description: "Scene to show",
      required: true,
    },
  });
});

test('schemaProtocol "none": no schema, empty capabilities', () => {
  const { host, messages } = hostFor("acme/test-pattern", {
    schemaProtocol: "none",
  });
  host.handleRuntime("requestSchema");
  host.handleRuntime("requestCapabilities");
  expect(messages("modelSchema")).toEqual([]);
  expect(messages("modelCapabilities")).toEqual([{ commands: [] }]);
});

test("an accepted command changes the model and gets a state snapshot, never an ack", () => {
  const { host, player, sent, command } = hostFor("acme/test-pattern");
  expect(command("set_scene", { scene: "night" })).toBe(true);
  expect(player.snapshot().scene).toBe("night");
  expect(sent).toEqual([
    {
      scope: "application",
      data: {
        type: "state",
        data: { scene: "night", paused: false, frame: 0 },
      },
    },
  ]);
  command("pause");
  expect(player.snapshot().paused).toBe(true);
  expect(host.events.map((entry) => entry.name)).toEqual([
    "set_scene",
    "pause",
  ]);
  expect(host.events[0]!.at).toBeGreaterThan(0);
});

test("commands that fail the schema are dropped silently and recorded with why", () => {
  const { host, player, sent, command } = hostFor("acme/test-pattern");
  expect(command("make_coffee")).toBe(false);
  expect(command("set_scene", { scene: "mars" })).toBe(false);
  expect(command("set_scene", { scene: 3 })).toBe(false);
  expect(command("set_scene", {})).toBe(false);
  expect(sent).toEqual([]);
  expect(player.snapshot().scene).toBe("testsrc");
  expect(host.events).toEqual([]);
  expect(host.rejected).toEqual([
    { name: "make_coffee", why: 'unknown event "make_coffee"' },
    { name: "set_scene", why: expect.stringMatching(/scene must be one of/) },
    { name: "set_scene", why: expect.stringMatching(/scene must be a string/) },
    { name: "set_scene", why: "missing required field scene" },
  ]);
});

test("a command whose upload the session never received is dropped as unresolved", () => {
  const { host, command } = hostFor("acme/test-pattern");
  expect(command("pause", {}, { image: { upload_id: "u_nope" } })).toBe(false);
  expect(host.rejected).toEqual([
    { name: "pause", why: 'unresolved upload "u_nope"' },
  ]);
});

test("nothing is sent once the data channel is detached", () => {
  const { host, sent } = hostFor("acme/test-pattern");
  const later: unknown[] = [];
  const detach = host.attach((envelope) => later.push(envelope));
  detach();
  host.handleRuntime("requestSchema");
  expect(later).toEqual([]);
  expect(sent).toEqual([]);
});

test('schemaProtocol "malformed": a damaged document whose first event is intact', () => {
  const { host, messages } = hostFor("acme/test-pattern", {
    schemaProtocol: "malformed",
  });
  host.handleRuntime("requestSchema");
  const [doc] = messages("modelSchema") as [Record<string, unknown>];
  const paths = doc.paths as Record<string, unknown>;
  expect(paths["/events/set_scene"]).toEqual(
    host.schema.paths!["/events/set_scene"],
  );
  expect(paths["/events/pause"]).toBe("not an operation");
  expect(Array.isArray(doc.webhooks)).toBe(true);
});
