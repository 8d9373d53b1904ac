// @vitest-environment node
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The page drives every model from its published schema alone. A model name in
 * the app's code would mean a control was written for one model: only the
 * configured default may appear, where the default is defined.
 */
const ROOT = join(import.meta.dirname, "..");
const DIRS = ["app", "components", "lib"];
const KNOWN = /\b(helios|lingbot|xmax|x2|ltx2|sana|longlive|happy-oyster)\b/gi;
const DEFAULT_HOME = "lib/server/env-variables.ts";

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (/\.(tsx?|css|mjs)$/.test(entry.name)) yield path;
  }
}

describe("no model-specific code", () => {
  it("names no known model in app/, components/ or lib/, except the default in one place", () => {
    const found: string[] = [];
    for (const dir of DIRS) {
      for (const path of files(join(ROOT, dir))) {
        const file = relative(ROOT, path);
        const text = readFileSync(path, "utf8");
        for (const [index, line] of text.split("\n").entries()) {
          const allowed =
            file === DEFAULT_HOME
              ? line.replaceAll("reactor/helios", "")
              : line;
          for (const match of allowed.matchAll(KNOWN)) {
            found.push(`${file}:${index + 1}: ${match[0]}`);
          }
        }
      }
    }
    expect(found).toEqual([]);
  });

  it("finds a name when one is there (the pattern is not blind)", () => {
    const line = 'if (model === "reactor/lingbot") bindKeys();';
    expect(line.match(KNOWN)).toEqual(["lingbot"]);
    expect("sana-streaming, ltx2, happy-oyster".match(KNOWN)).toHaveLength(3);
  });
});
