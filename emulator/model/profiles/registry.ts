import { normaliseModelName } from "../../auth/token-request";
import { helios } from "./helios";
import { lingbot } from "./lingbot";
import { ltx2 } from "./ltx2";
import type { ModelProfile } from "./profile";
import { testPattern } from "./test-pattern";
import { x2 } from "./x2";

// The one place profiles are registered: the token's model name (as the
// session names it, `owner/name`) picks the profile; any other name gets the
// test pattern. To add a model, write ./<name>.ts and add a line here.

const PROFILES: Readonly<Record<string, ModelProfile>> = {
  "reactor/helios": helios,
  "reactor/lingbot": lingbot,
  "reactor/ltx2": ltx2,
  "xmax/x2": x2,
};

export function profileFor(model: string): ModelProfile {
  // "helios" and "reactor/helios" are the same model, as in token scopes.
  return PROFILES[normaliseModelName(model)] ?? testPattern;
}
