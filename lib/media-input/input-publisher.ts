import {
  describeInputError,
  problemOf,
  type InputError,
  type InputProblem,
} from "./input-errors";

/**
 * One camera or microphone feeding one `sendonly` track of the model. A
 * state machine with no React and no SDK in it, so every path is unit
 * tested with fake media devices:
 *
 *   off ──start()──▶ starting ──granted + published──▶ live ──stop()──▶ off
 *                       │                               │
 *                       └── refused / no device ──▶ off + error ◀── track ended
 *
 * The browser's permission prompt comes only from start(), i.e. a click.
 * Switching devices replaces the track on the same sender (no reconnect).
 * Every exit (stop, dispose, an ended track, a failed publish) stops the
 * device, so the camera light goes out.
 */

export type InputKind = "video" | "audio";

export type PublisherState =
  | { phase: "off"; error?: InputError }
  | { phase: "starting"; error?: undefined }
  | {
      phase: "live";
      track: MediaStreamTrack;
      muted: boolean;
      deviceId: string | undefined;
      /** A device switch that failed: the previous device keeps running. */
      error?: InputError;
    };

export interface PublisherDeps {
  kind: InputKind;
  /** navigator.mediaDevices; undefined on insecure pages. */
  media: Pick<MediaDevices, "getUserMedia" | "enumerateDevices"> | undefined;
  /** window.isSecureContext. */
  secure: boolean;
  /** Sends the track to the model (replaces any track sent before). */
  publish(track: MediaStreamTrack): Promise<void>;
  /** Stops sending to the model. */
  unpublish(): Promise<void>;
  /** Called now and then while live: a published input is a person using the page. */
  onActivity?(): void;
  activityIntervalMs?: number;
}

export class InputPublisher {
  private current: PublisherState = { phase: "off" };
  private deviceList: MediaDeviceInfo[] = [];
  private readonly listeners = new Set<() => void>();
  /** Bumped by every start/stop so a late getUserMedia answer for an abandoned attempt is dropped. */
  private attempt = 0;
  private activityTimer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly deps: PublisherDeps) {}

  get state(): PublisherState {
    return this.current;
  }

  /** Devices of this kind; labels are empty until permission is granted. */
  get devices(): readonly MediaDeviceInfo[] {
    return this.deviceList;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Asks for the device (the browser may prompt) and publishes it. */
  async start(deviceId?: string): Promise<void> {
    const { media, secure, kind } = this.deps;
    if (this.current.phase === "starting") return;
    if (!secure || !media?.getUserMedia) return this.fail("insecure");
    const attempt = ++this.attempt;
    const previous = this.current.phase === "live" ? this.current : undefined;
    if (!previous) this.set({ phase: "starting" });
    let track: MediaStreamTrack | undefined;
    try {
      const stream = await media.getUserMedia({
        [kind]: deviceId ? { deviceId: { exact: deviceId } } : true,
      });
      track = stream.getTracks().find((t) => t.kind === kind);
      if (!track) throw Object.assign(new Error(), { name: "NotFoundError" });
    } catch (error) {
      if (attempt !== this.attempt) return;
      // A failed switch keeps the device that works.
      if (previous)
        return this.set({
          ...previous,
          error: this.describe(problemOf(error)),
        });
      return this.fail(problemOf(error));
    }
    if (attempt !== this.attempt) {
      track.stop();
      return;
    }
    if (kind === "video") track.contentHint = "detail";
    try {
      await this.deps.publish(track);
    } catch {
      track.stop();
      if (previous) this.release(previous.track);
      return this.fail("publish-failed");
    }
    if (attempt !== this.attempt) {
      track.stop();
      return;
    }
    if (previous) this.release(previous.track);
    track.addEventListener("ended", this.onEnded);
    this.set({
      phase: "live",
      track,
      muted: false,
      deviceId: track.getSettings?.().deviceId ?? deviceId,
    });
    this.startActivity();
    await this.refreshDevices();
  }

  /** Moves to another device without reconnecting (the sender's track is replaced). */
  switchTo(deviceId: string): Promise<void> {
    return this.start(deviceId);
  }

  /** Muted: the track stays published but sends black frames or silence. */
  setMuted(muted: boolean): void {
    if (this.current.phase !== "live") return;
    this.current.track.enabled = !muted;
    this.set({ ...this.current, muted });
  }

  /** Stops the device and the sending. Safe to call in any state. */
  async stop(): Promise<void> {
    this.attempt += 1;
    const live = this.current.phase === "live" ? this.current : undefined;
    if (this.current.phase !== "off" || this.current.error)
      this.set({ phase: "off" });
    if (!live) return;
    this.release(live.track);
    await this.deps.unpublish().catch(() => undefined);
  }

  /** Unmount, pagehide, session end: stop without waiting. */
  dispose(): void {
    void this.stop();
    this.listeners.clear();
  }

  private readonly onEnded = () => {
    if (this.current.phase !== "live") return;
    const { track } = this.current;
    this.attempt += 1;
    this.release(track);
    void this.deps.unpublish().catch(() => undefined);
    this.fail("ended");
  };

  private release(track: MediaStreamTrack): void {
    track.removeEventListener("ended", this.onEnded);
    track.stop();
    this.stopActivity();
  }

  private async refreshDevices(): Promise<void> {
    const kind = this.deps.kind === "video" ? "videoinput" : "audioinput";
    try {
      const all = (await this.deps.media?.enumerateDevices()) ?? [];
      this.deviceList = all.filter((device) => device.kind === kind);
      this.emit();
    } catch {
      // Without a list the default device still works; the picker stays hidden.
    }
  }

  private startActivity(): void {
    this.stopActivity();
    const report = this.deps.onActivity;
    if (!report) return;
    report();
    this.activityTimer = setInterval(
      report,
      this.deps.activityIntervalMs ?? 15_000,
    );
  }

  private stopActivity(): void {
    if (this.activityTimer !== undefined) clearInterval(this.activityTimer);
    this.activityTimer = undefined;
  }

  private describe(problem: InputProblem): InputError {
    return describeInputError(
      problem,
      this.deps.kind === "video" ? "camera" : "microphone",
    );
  }

  private fail(problem: InputProblem): void {
    this.set({ phase: "off", error: this.describe(problem) });
  }

  private set(state: PublisherState): void {
    this.current = state;
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
