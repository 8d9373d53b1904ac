import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

/**
 * Project folders that only development and tests use. A server bundle that
 * traces one of them would ship the emulator (or test code) to production.
 */
export const DEV_ONLY_DIRS = ["emulator", "tests", "scripts", "bench"];

/**
 * Files a production server would carry that only development needs: any
 * project folder in DEV_ONLY_DIRS, and any package that package-lock.json
 * marks `"dev": true` (reachable only through devDependencies: werift, tsx,
 * esbuild, playwright, vitest, msw, jsdom, jose, ...). Deriving the list from
 * the lockfile keeps it right as devDependencies change.
 *
 * Reads every `*.nft.json` under `distDir` (Next's output file traces: what
 * Vercel and `output: "standalone"` copy next to each server function) and,
 * when present, the packages in `<distDir>/standalone/node_modules`.
 * Returns one line per offending file or package; empty when clean.
 *
 * A dev package's bare package.json is not counted: Next's tracer records the
 * package.json files it reads while resolving a name (sharp's `semver` makes
 * it look at the top-level, dev-only semver 6), and that carries no code.
 */
export function findDevOnlyTraces({ root, distDir = ".next" }) {
  const lock = JSON.parse(
    readFileSync(join(root, "package-lock.json"), "utf8"),
  );
  const devOnly = (packagePath) => lock.packages?.[packagePath]?.dev === true;
  const dist = resolve(root, distDir);
  const problems = [];

  for (const traceFile of walk(dist, (name) => name.endsWith(".nft.json"))) {
    const { files = [] } = JSON.parse(readFileSync(traceFile, "utf8"));
    for (const file of files) {
      const path = toPosix(relative(root, resolve(dirname(traceFile), file)));
      const reason = classify(path, devOnly);
      if (reason) {
        problems.push(
          `${toPosix(relative(root, traceFile))}: ${path} (${reason})`,
        );
      }
    }
  }

  const standalone = join(dist, "standalone");
  if (existsSync(standalone)) {
    for (const dir of DEV_ONLY_DIRS) {
      if (existsSync(join(standalone, dir))) {
        problems.push(
          `${toPosix(relative(root, standalone))}/${dir}/ (dev-only folder)`,
        );
      }
    }
    for (const packagePath of installedPackages(standalone)) {
      const files = readdirSync(join(standalone, packagePath));
      const manifestOnly = files.length === 1 && files[0] === "package.json";
      if (devOnly(packagePath) && !manifestOnly) {
        problems.push(
          `${toPosix(relative(root, standalone))}/${packagePath} (devDependency)`,
        );
      }
    }
  }
  return problems;
}

function classify(path, devOnly) {
  if (path.startsWith("../")) return "outside the project";
  const top = path.split("/")[0];
  if (DEV_ONLY_DIRS.includes(top)) return "dev-only folder";
  const packagePath = packageOf(path);
  if (packagePath && devOnly(packagePath)) {
    return path === `${packagePath}/package.json` ? undefined : "devDependency";
  }
  return undefined;
}

/** `node_modules/a/node_modules/@s/b/x.js` → `node_modules/a/node_modules/@s/b`. */
export function packageOf(path) {
  const parts = path.split("/");
  let end = -1;
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] !== "node_modules" || i + 1 >= parts.length) continue;
    end = parts[i + 1].startsWith("@") ? i + 2 : i + 1;
    i = end;
  }
  return end < 0 ? undefined : parts.slice(0, end + 1).join("/");
}

function installedPackages(dir, prefix = "node_modules") {
  const base = join(dir, prefix);
  if (!existsSync(base)) return [];
  const found = [];
  for (const name of readdirSync(base)) {
    if (name.startsWith(".")) continue;
    const names = name.startsWith("@")
      ? readdirSync(join(base, name)).map((inner) => `${name}/${inner}`)
      : [name];
    for (const packageName of names) {
      const packagePath = `${prefix}/${packageName}`;
      found.push(packagePath);
      found.push(...installedPackages(dir, `${packagePath}/node_modules`));
    }
  }
  return found;
}

function* walk(dir, wanted) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      // The standalone copy's own traces repeat the build's; cache is not shipped.
      if (entry.name === "standalone" || entry.name === "cache") continue;
      yield* walk(path, wanted);
    } else if (wanted(entry.name)) {
      yield path;
    }
  }
}

const toPosix = (path) => path.split(sep).join("/");
