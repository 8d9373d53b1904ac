import type { RTCDataChannel } from "werift";
import type { Logger } from "../log";
import { handleClientMessage, type FileUploadedNotice } from "./messages";
import type { Envelope, ModelHost } from "./model-host";

// Serves the client-created `data` channel (the server never creates one:
// SDK 2.9.0 adopts any remote-created channel in place of its own). The
// model's `state` goes out about once a second and after each accepted
// command (the host sends that one).

export interface DataChannelHooks {
  onLiveness(): void;
  onFileUploaded(notice: FileUploadedNotice): void;
  onCommand(command: string, accepted: boolean): void;
}

export function serveDataChannel(
  channel: RTCDataChannel,
  options: {
    host: ModelHost;
    log: Logger;
    sessionId: string;
    stateIntervalMs: number;
    hooks: DataChannelHooks;
  },
): () => void {
  const { host, log, sessionId, hooks } = options;
  const send = (envelope: Envelope) => {
    if (channel.readyState !== "open") return;
    try {
      // Text frames: the SDK passes binary frames through raw, without the envelope.
      channel.send(JSON.stringify(envelope));
    } catch (error) {
      log("datachannel.send_failed", {
        session: sessionId,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  };
  const detach = host.attach(send);

  const messages = channel.onMessage.subscribe((raw) => {
    handleClientMessage(raw, {
      host,
      onLiveness: hooks.onLiveness,
      onFileUploaded: hooks.onFileUploaded,
      onCommand: (command, accepted) => {
        log("command", { session: sessionId, command, accepted });
        hooks.onCommand(command, accepted);
      },
      onIgnored: (reason) =>
        log("datachannel.ignored", { session: sessionId, reason }),
    });
  });

  const timer = setInterval(() => host.tick(), options.stateIntervalMs);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    messages.unSubscribe();
    detach();
  };
  channel.stateChanged.subscribe((state) => {
    if (state === "closed") stop();
  });
  return stop;
}
