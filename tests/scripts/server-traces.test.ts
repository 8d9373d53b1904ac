// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { findDevOnlyTraces, packageOf } from "@/scripts/lib/server-traces.mjs";

let root: string;

function write(path: string, content: unknown) {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(content));
}

/** A trace for `.next/server/app/api/token/route.js`, paths relative to it. */
function trace(files: string[]) {
  write(".next/server/app/api/token/route.js.nft.json", {
    version: 1,
    files: files.map((file) => `../../../../../${file}`),
  });
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "traces-"));
  write("package-lock.json", {
    packages: {
      "": {},
      "node_modules/next": {},
      "node_modules/zod": {},
      "node_modules/werift": { dev: true },
      "node_modules/@esbuild/linux-x64": { dev: true },
      "node_modules/next/node_modules/@esbuild/linux-x64": { dev: true },
    },
  });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

test("production dependencies and app code are fine", () => {
  trace([
    "node_modules/next/dist/server/next-server.js",
    "node_modules/zod/index.js",
    "lib/server/env.ts",
    "package.json",
  ]);
  expect(findDevOnlyTraces({ root })).toEqual([]);
});

test("a traced devDependency is reported with the trace that holds it", () => {
  trace(["node_modules/zod/index.js", "node_modules/werift/lib/index.js"]);
  expect(findDevOnlyTraces({ root })).toEqual([
    ".next/server/app/api/token/route.js.nft.json: node_modules/werift/lib/index.js (devDependency)",
  ]);
});

test("a dev package's bare package.json, read while resolving, is no code", () => {
  trace(["node_modules/werift/package.json"]);
  expect(findDevOnlyTraces({ root })).toEqual([]);
});

test("nested and scoped dev packages are found through the lockfile", () => {
  trace(["node_modules/next/node_modules/@esbuild/linux-x64/bin/esbuild"]);
  expect(findDevOnlyTraces({ root })).toHaveLength(1);
});

test("the emulator, tests and scripts are dev-only folders", () => {
  trace(["emulator/server.ts", "tests/setup.ts", "scripts/dev.mjs"]);
  expect(findDevOnlyTraces({ root })).toEqual(
    ["emulator/server.ts", "tests/setup.ts", "scripts/dev.mjs"].map(
      (file) =>
        `.next/server/app/api/token/route.js.nft.json: ${file} (dev-only folder)`,
    ),
  );
});

test("a file outside the project means a wrong trace root", () => {
  write(".next/server/page.js.nft.json", { files: ["../../../elsewhere.js"] });
  expect(findDevOnlyTraces({ root })[0]).toContain("outside the project");
});

test("the standalone folder is checked for dev packages (with code) and folders", () => {
  mkdirSync(join(root, ".next/standalone/node_modules/zod"), {
    recursive: true,
  });
  mkdirSync(join(root, ".next/standalone/node_modules/werift"));
  write(".next/standalone/node_modules/werift/index.js", "");
  mkdirSync(join(root, ".next/standalone/node_modules/@esbuild"));
  write(".next/standalone/node_modules/@esbuild/linux-x64/package.json", {});
  mkdirSync(join(root, ".next/standalone/emulator"));
  expect(findDevOnlyTraces({ root })).toEqual([
    ".next/standalone/emulator/ (dev-only folder)",
    ".next/standalone/node_modules/werift (devDependency)",
  ]);
});

test("packageOf finds the innermost package", () => {
  expect(packageOf("node_modules/a/lib/x.js")).toBe("node_modules/a");
  expect(packageOf("node_modules/a/node_modules/@s/b/x.js")).toBe(
    "node_modules/a/node_modules/@s/b",
  );
  expect(packageOf("lib/x.ts")).toBeUndefined();
});
