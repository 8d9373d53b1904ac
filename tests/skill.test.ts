// @vitest-environment node
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, test } from "vitest";

/**
 * skill/SKILL.md is the guide for people (and their coding assistants) who
 * extend a copied app. A path it names that no longer exists sends them
 * astray, so every repo path in it is checked: backticked paths (relative to
 * the repo root, `@/` as in imports) and markdown links (relative to the file).
 */
const ROOT = join(import.meta.dirname, "..");
const SKILL = join(ROOT, "skill", "SKILL.md");
/** Files the guide tells the reader to create; they are not in the repo. */
const CREATED_BY_READER = new Set([".env.local"]);
const EXTENSION = /\.(tsx?|mjs|js|json|md|css|ya?ml|sh|example)$/;

/** `name: value` lines of the YAML front matter (single-line values). */
function frontMatter(markdown: string): Record<string, string> {
  const block = /^---\n([\s\S]*?)\n---\n/.exec(markdown)?.[1] ?? "";
  return Object.fromEntries(
    [...block.matchAll(/^([a-z_-]+):[ \t]*(.+)$/gm)].map(([, key, value]) => [
      key,
      value!.trim(),
    ]),
  );
}

/** Repo-relative paths the markdown at `file` names. */
function namedPaths(markdown: string, file: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, "");
  const paths = new Set<string>();
  for (const [, code] of prose.matchAll(/`([^`\n]+)`/g)) {
    const path = code!.replace(/^@\//, "");
    if (!/^[\w.@[\]-]+(\/[\w.[\]-]+)*\/?$/.test(path)) continue;
    const top = path.split("/")[0]!;
    const looksLikeFile =
      path.endsWith("/") ||
      EXTENSION.test(path) ||
      (path.includes("/") &&
        !top.startsWith("@") &&
        existsSync(join(ROOT, top)));
    if (looksLikeFile && !CREATED_BY_READER.has(path)) paths.add(path);
  }
  for (const [, target] of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
    if (/^([a-z]+:|#)/.test(target!)) continue;
    const local = target!.replace(/#.*$/, "");
    paths.add(relative(ROOT, join(dirname(file), local)));
  }
  return [...paths];
}

function missing(paths: string[]): string[] {
  return paths.filter((path) => {
    const base = join(ROOT, path);
    // An import alias names a module without its extension.
    return ![base, `${base}.ts`, `${base}.tsx`].some((p) => existsSync(p));
  });
}

const markdown = readFileSync(SKILL, "utf8");

describe("skill/SKILL.md", () => {
  test("has Agent Skills front matter: a name and a description", () => {
    const { name, description } = frontMatter(markdown);
    expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(name!.length).toBeLessThanOrEqual(64);
    expect(description?.length).toBeGreaterThan(40);
    expect(description!.length).toBeLessThanOrEqual(1024);
  });

  test("every repo path it names exists", () => {
    const paths = namedPaths(markdown, SKILL);
    // The guide walks the seams; far fewer paths would mean the parser broke.
    expect(paths.length).toBeGreaterThan(20);
    expect(paths).toContain("lib/server/authorize.ts");
    expect(paths).toContain("README.md");
    expect(missing(paths)).toEqual([]);
  });
});

describe("the path check itself", () => {
  test("finds a missing backticked path, alias or link, and skips what is not a path", () => {
    const sample = [
      "See `lib/server/authorize.ts`, `lib/server/gone.ts`, `@/lib/activity`,",
      "`@/lib/nowhere`, `components/`, `owner/name`, `@reactor-team/js-sdk`,",
      "`npm run dev`, `rediss://host`, `.env.local` and [the contract](../docs/reactor-contract.md),",
      "[a lost page](../docs/lost.md#intro), [Vercel](https://vercel.com), [up](#top).",
      "```",
      "`lib/inside-a-code-block.ts`",
      "```",
    ].join("\n");
    const paths = namedPaths(sample, SKILL);
    expect(paths.sort()).toEqual(
      [
        "@/lib/activity",
        "components/",
        "docs/lost.md",
        "docs/reactor-contract.md",
        "lib/nowhere",
        "lib/server/authorize.ts",
        "lib/server/gone.ts",
      ]
        .map((path) => path.replace(/^@\//, ""))
        .sort(),
    );
    expect(missing(paths).sort()).toEqual([
      "docs/lost.md",
      "lib/nowhere",
      "lib/server/gone.ts",
    ]);
  });
});
