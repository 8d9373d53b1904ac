import type { RTCDataChannel } from "werift";
import type { Logger } from "../log";
import { serveDataChannel } from "../model/data-channel";
import type { FileUploadedNotice } from "../model/messages";
import type { SessionPeer } from "../webrtc/peer";
import type { Session } from "./session";

// The client's `data` channel for one session: the session's model host
// answers on it, and what arrives updates the session's record: liveness
// for the reaper's ping timeout, and the command count and upload notices the
// admin state shows. Serving stops when the peer it came on closes.

export function serveSessionChannel(
  session: Session,
  channel: RTCDataChannel,
  peer: SessionPeer,
  deps: { log: Logger; stateIntervalMs: number },
): void {
  const { log } = deps;
  session.lastLivenessAt = Date.now();
  const stopServing = serveDataChannel(channel, {
    host: session.host,
    log,
    sessionId: session.id,
    stateIntervalMs: deps.stateIntervalMs,
    hooks: {
      onLiveness: () => {
        session.lastLivenessAt = Date.now();
      },
      onCommand: () => {
        session.commands += 1;
      },
      onFileUploaded: (notice) => markNotified(session, notice, log),
    },
  });
  peer.onClose(stopServing);
  channel.stateChanged.subscribe((state) => {
    if (state === "open") log("datachannel.open", { session: session.id });
  });
}

/** The client's `file_uploaded` notice for an upload (known or not: the log says which). */
function markNotified(
  session: Session,
  notice: FileUploadedNotice,
  log: Logger,
): void {
  const upload = session.uploads.find(
    (candidate) => candidate.id === notice.upload_id,
  );
  if (upload) upload.notified = true;
  log("upload.notified", {
    session: session.id,
    upload: notice.upload_id,
    known: !!upload,
  });
}
