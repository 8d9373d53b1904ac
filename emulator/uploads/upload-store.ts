import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Session, UploadRecord } from "../sessions/session";

// uploadFile() in SDK 2.9.0: POST /sessions/{id}/uploads allocates a slot and
// returns a presigned URL; the browser PUTs the raw file there with no
// Authorization (like S3), then sends a runtime `fileUploaded` on the data
// channel. Here the "object store" is this server: the URL points back at
// /uploads/{presigned_id} on the origin the client used to reach us (local
// mode PUTs it verbatim), signed with an HMAC and an expiry. Bytes are
// counted and hashed, not kept, except for an image's pixel size.

/** Presigned URLs expire like S3's; 15 minutes covers any upload a test makes. */
const URL_LIFETIME_SECONDS = 15 * 60;
/** Slots larger than this are refused at allocation (413). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export interface UploadSlot {
  id: string;
  session: Session;
  record: UploadRecord;
  expires: number;
}

export class UploadStore {
  private readonly slots = new Map<string, UploadSlot>();
  private readonly secret = randomBytes(32);

  create(
    session: Session,
    request: { name: string; size: number; mime_type: string },
    origin: string,
  ) {
    const id = `u_${randomBytes(8).toString("hex")}`;
    const expires = Math.floor(Date.now() / 1000) + URL_LIFETIME_SECONDS;
    const record: UploadRecord = {
      id,
      name: request.name,
      size: request.size,
      mimeType: request.mime_type,
      receivedBytes: null,
      notified: false,
    };
    session.uploads.push(record);
    this.slots.set(id, { id, session, record, expires });
    const url = new URL(`/uploads/${id}`, origin);
    url.searchParams.set("expires", String(expires));
    url.searchParams.set("signature", this.sign(id, expires));
    return {
      presigned_id: id,
      presigned_url: url.toString(),
      path: `sessions/${session.id}/uploads/${id}/${request.name}`,
    };
  }

  /** The slot for a PUT, or why it is refused. */
  check(
    id: string,
    expires: string | null,
    signature: string | null,
  ): UploadSlot | "unknown" | "forbidden" | "expired" {
    const slot = this.slots.get(id);
    if (!slot) return "unknown";
    const expected = Buffer.from(this.sign(id, slot.expires));
    const given = Buffer.from(signature ?? "");
    if (
      expires !== String(slot.expires) ||
      given.length !== expected.length ||
      !timingSafeEqual(given, expected)
    ) {
      return "forbidden";
    }
    if (Date.now() / 1000 > slot.expires) return "expired";
    return slot;
  }

  clear(): void {
    this.slots.clear();
  }

  private sign(id: string, expires: number): string {
    return createHmac("sha256", this.secret)
      .update(`${id}.${expires}`)
      .digest("hex")
      .slice(0, 32);
  }
}
