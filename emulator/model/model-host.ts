import type { ClipPlayer } from "../media/clip-player";
import { InboundTracks } from "../media/inbound-tracks";
import type { Scenario } from "../scenario";
import type { UploadRecord } from "../sessions/session";
import { legacyCommands } from "./legacy-capabilities";
import { malformedSchema } from "./malformed-schema";
import type { OpenApiDocument } from "./openapi";
import type { ModelBehaviour, ModelProfile } from "./profiles/profile";
import { checkCommand, isRecord } from "./schema-check";

// One session's model as the runtime hosts it (docs/reactor-contract.md):
// answers the runtime-scope schema requests according to the scenario's
// `schemaProtocol`, checks each application command against the profile's
// schema document, drops what fails without a reply (SDK 2.9.0 clients get
// no validation errors and no bodyless acks), hands the rest to the
// profile, and keeps the record the admin state shows.

export type Envelope = {
  scope: "application" | "runtime";
  data: { type: string; data: unknown };
};

export interface HostOptions {
  player: ClipPlayer;
  /** The client's published tracks; profiles without inputs ignore it. */
  inbound?: InboundTracks;
  uploads: readonly UploadRecord[];
  scenario(): Readonly<Scenario>;
}

/** Enough history for any test or debugging session; older entries are dropped. */
const RECORD_LIMIT = 500;

export class ModelHost {
  readonly schema: OpenApiDocument;
  readonly events: { name: string; at: number }[] = [];
  readonly rejected: { name: string; why: string }[] = [];
  schemaRequests = 0;
  private readonly behaviour: ModelBehaviour;
  private sink: ((envelope: Envelope) => void) | undefined;
  private loadedAt = Number.POSITIVE_INFINITY;

  constructor(
    readonly profile: ModelProfile,
    private readonly options: HostOptions,
  ) {
    this.schema = profile.schema(options.player.scenes);
    this.behaviour = profile.create({
      player: options.player,
      inbound: options.inbound ?? new InboundTracks(),
      emit: (type, data) => this.send("application", type, data),
      upload: (id) => options.uploads.find((upload) => upload.id === id),
    });
  }

  /**
   * A data channel opened: replies and model messages go to `send` until the
   * returned detach runs. The model counts as loaded `modelLoadMs` later.
   */
  attach(send: (envelope: Envelope) => void): () => void {
    this.sink = send;
    this.loadedAt = Date.now() + this.options.scenario().modelLoadMs;
    return () => {
      if (this.sink === send) this.sink = undefined;
    };
  }

  state(): Record<string, unknown> {
    return this.behaviour.state();
  }

  sendState(): void {
    this.send(
      "application",
      this.profile.stateMessage ?? "state",
      this.behaviour.state(),
    );
  }

  tick(): void {
    this.behaviour.tick?.();
    this.sendState();
  }

  /** `requestSchema` / `requestCapabilities`; true when the type was one of them. */
  handleRuntime(type: string): boolean {
    const protocol = this.options.scenario().schemaProtocol;
    if (type === "requestSchema") {
      this.schemaRequests += 1;
      // Runtime 3.x drops a request that arrives before the model is loaded: clients retry.
      const answers = protocol === "current" || protocol === "malformed";
      if (answers && Date.now() >= this.loadedAt) {
        const doc =
          protocol === "malformed" ? malformedSchema(this.schema) : this.schema;
        this.send("runtime", "modelSchema", doc);
      }
      return true;
    }
    if (type === "requestCapabilities") {
      const commands = protocol === "legacy" ? legacyCommands(this.schema) : [];
      this.send("runtime", "modelCapabilities", { commands });
      return true;
    }
    return false;
  }

  /** An application-scope command with its envelope `uploads` (FileRefs moved out of `data`). */
  handleCommand(name: string, data: unknown, uploads: unknown): boolean {
    const merged = isRecord(data) ? { ...data } : data;
    if (isRecord(merged) && isRecord(uploads)) {
      for (const [field, ref] of Object.entries(uploads)) {
        const id = isRecord(ref) ? ref.upload_id : undefined;
        const known = this.options.uploads.find((upload) => upload.id === id);
        if (!known || known.receivedBytes === null) {
          return this.reject(name, `unresolved upload ${JSON.stringify(id)}`);
        }
        merged[field] = ref;
      }
    }
    const checked = checkCommand(this.schema, name, merged);
    if (!checked.ok) return this.reject(name, checked.why);
    push(this.events, { name, at: Date.now() });
    this.behaviour.handle(name, checked.args);
    this.sendState();
    return true;
  }

  private reject(name: string, why: string): false {
    push(this.rejected, { name, why });
    return false;
  }

  private send(scope: Envelope["scope"], type: string, data: unknown): void {
    this.sink?.({ scope, data: { type, data } });
  }
}

function push<T>(list: T[], entry: T): void {
  list.push(entry);
  if (list.length > RECORD_LIMIT) list.shift();
}
