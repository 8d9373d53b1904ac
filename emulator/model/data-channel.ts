import type { RTCDataChannel } from "werift";
import type { Logger } from "../log";
import type { ClipPlayer } from "../media/clip-player";
import {
  applicationMessage,
  handleClientMessage,
  type Envelope,
  type FileUploadedNotice,
} from "./messages";

// Serves the client-created `data` channel (the server never creates one:
// SDK 2.9.0 adopts any remote-created channel in place of its own). Sends a
// model-style `state` message about once a second, and right after each
// command so the UI need not wait for the next tick.

export interface DataChannelHooks {
  onLiveness(): void;
  onFileUploaded(notice: FileUploadedNotice): void;
  onCommand(command: string, ok: boolean): void;
}

export function serveDataChannel(
  channel: RTCDataChannel,
  options: {
    player: ClipPlayer;
    log: Logger;
    sessionId: string;
    stateIntervalMs: number;
    hooks: DataChannelHooks;
  },
): () => void {
  const { player, log, sessionId, hooks } = options;
  const send = (envelope: Envelope) => {
    if (channel.readyState !== "open") return;
    try {
      // Text frames: the SDK passes binary frames through raw, without the envelope.
      channel.send(JSON.stringify(envelope));
    } catch (error) {
      log("datachannel.send_failed", {
        session: sessionId,
        error: (error as Error).message,
      });
    }
  };
  const sendState = () => send(applicationMessage("state", player.snapshot()));

  const messages = channel.onMessage.subscribe((raw) => {
    const replies = handleClientMessage(raw, {
      model: player,
      onLiveness: hooks.onLiveness,
      onFileUploaded: hooks.onFileUploaded,
      onCommand: (command, ok) => {
        log("command", { session: sessionId, command, ok });
        hooks.onCommand(command, ok);
      },
      onIgnored: (reason) =>
        log("datachannel.ignored", { session: sessionId, reason }),
    });
    for (const reply of replies) send(reply);
    if (replies.some((reply) => reply.data.type === "command_ack")) sendState();
  });

  const timer = setInterval(sendState, options.stateIntervalMs);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    messages.unSubscribe();
  };
  channel.stateChanged.subscribe((state) => {
    if (state === "closed") stop();
  });
  return stop;
}
