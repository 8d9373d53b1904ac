import { readFileSync } from "node:fs";
import semver from "semver";
import { check, type CheckResult } from "../result";

/** The `engines.node` range of this project's package.json. */
export function enginesRange(): string {
  const manifest = JSON.parse(
    readFileSync(new URL("../../../package.json", import.meta.url), "utf8"),
  ) as { engines?: { node?: string } };
  return manifest.engines?.node ?? "*";
}

export function checkNodeVersion(
  version: string = process.versions.node,
  range: string = enginesRange(),
): CheckResult {
  const result = check("node", "Node.js version", true);
  if (semver.satisfies(version, range)) {
    return result.pass({ detail: `Node.js ${version} (needs ${range})` });
  }
  return result.fail({
    detail: `Node.js ${version} is outside this project's engines range ${range}`,
    next: "Install Node.js 20.19+, 22.13+ or 24 (e.g. `nvm install` reads .nvmrc), then run `npm ci` again.",
    data: { version, range },
  });
}
