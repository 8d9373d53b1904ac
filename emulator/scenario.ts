import { z } from "zod";

// Failure scenarios, switchable without code changes: EMULATOR_SCENARIO (JSON)
// at start, or PUT /_emulator/scenario at run time. Each field is read at the
// moment it matters (a new token, a new session, a new offer), so a change
// affects what happens next, never a session already past that step.

const scenarioSchema = z.strictObject({
  /** A new session stays PENDING ("waiting for a GPU") this long before capabilities appear. */
  gpuDelayMs: z.number().int().min(0).max(3_600_000),
  /** Open sessions allowed at once; POST /sessions beyond it → 429. 0 = no capacity at all. */
  maxConcurrentSessions: z.number().int().min(0),
  /** POST /tokens fails this way; "timeout" never answers. */
  mintFailure: z.union([
    z.null(),
    z.literal(401),
    z.literal(429),
    z.literal(500),
    z.literal("timeout"),
  ]),
  /** The session's peer is closed and its state becomes CLOSED this long after its media connects. */
  dieAfterMs: z.number().int().min(0).nullable(),
  /**
   * The media path is cut this long after the session's first peer connects,
   * but the session stays open: as Reactor does after a recoverable drop, a
   * PUT (the SDK's reconnect()) within peerLostGraceMs (30 s) resumes it.
   * Applies to the first peer only, so the resumed stream stays up.
   */
  dropPeerAfterMs: z.number().int().min(0).nullable(),
  /** Extra delay before the SDP answer is published (the SDK gives up after ~6 s by default). */
  sdpDelayMs: z.number().int().min(0).max(600_000),
  /**
   * How the runtime publishes the model's interface (docs/reactor-contract.md):
   * "current" answers requestSchema with the OpenAPI document and
   * requestCapabilities with no commands; "legacy" is an older runtime that
   * lists commands in modelCapabilities and ignores requestSchema; "none"
   * publishes nothing (no schema, empty capabilities); "malformed" answers
   * like "current" with a damaged document (./model/malformed-schema.ts).
   */
  schemaProtocol: z.enum(["current", "legacy", "none", "malformed"]),
  /** The model "loads" this long after the data channel opens; requestSchema before that is dropped, as runtime 3.x does. */
  modelLoadMs: z.number().int().min(0).max(600_000),
});

export type Scenario = z.infer<typeof scenarioSchema>;

const partialScenarioSchema = scenarioSchema.partial();

export const DEFAULT_SCENARIO: Readonly<Scenario> = Object.freeze({
  gpuDelayMs: 0,
  // Reactor's production quota is 5 concurrent sessions per account.
  maxConcurrentSessions: 5,
  mintFailure: null,
  dieAfterMs: null,
  dropPeerAfterMs: null,
  sdpDelayMs: 0,
  schemaProtocol: "current",
  modelLoadMs: 0,
});

export function parsePartialScenario(input: unknown): Partial<Scenario> {
  const result = partialScenarioSchema.safeParse(input);
  if (!result.success) {
    throw new Error(`invalid scenario: ${z.prettifyError(result.error)}`);
  }
  return result.data;
}

export class ScenarioHolder {
  private value: Scenario;

  constructor(initial: Partial<Scenario> = {}) {
    this.value = { ...DEFAULT_SCENARIO, ...initial };
  }

  get current(): Readonly<Scenario> {
    return this.value;
  }

  merge(partial: Partial<Scenario>): Scenario {
    this.value = { ...this.value, ...partial };
    return { ...this.value };
  }

  /** Back to the defaults (not to the start-up scenario: "reset" means a clean slate). */
  reset(): Scenario {
    this.value = { ...DEFAULT_SCENARIO };
    return { ...this.value };
  }
}
