import { createHash } from "node:crypto";
import { z } from "zod";
import { requireApiVersion } from "../auth/request-auth";
import { authorizedSession } from "../auth/session-access";
import type { EmulatorContext } from "../context";
import { readJson } from "../http/body";
import { HttpError } from "../http/errors";
import { sendJson } from "../http/respond";
import type { Router } from "../http/router";
import { stateOf } from "../sessions/session";
import { IMAGE_HEADER_BYTES, imageSize } from "../uploads/image-size";
import { MAX_UPLOAD_BYTES } from "../uploads/upload-store";

// Upload slot allocation (coordinator, authenticated) and the presigned PUT
// target (no Authorization, like an object store; the browser preflights it
// because the Blob's type becomes Content-Type). See uploads/upload-store.ts.

const createUploadSchema = z.object({
  name: z.string().min(1),
  size: z.number().int().positive(),
  mime_type: z.string().min(1),
});

export function uploadRoutes(router: Router, ctx: EmulatorContext): void {
  router.on(
    "POST",
    "/sessions/:id/uploads",
    async ({ req, res, params, origin }) => {
      requireApiVersion(req);
      const session = await authorizedSession(ctx, req, params.id!);
      const state = stateOf(session);
      if (state !== "ACTIVE") {
        throw new HttpError(
          409,
          `session is ${state}; uploads need an ACTIVE session`,
        );
      }
      const parsed = createUploadSchema.safeParse(await readJson(req));
      if (!parsed.success) {
        throw new HttpError(
          400,
          `invalid upload request: ${z.prettifyError(parsed.error)}`,
        );
      }
      if (parsed.data.size > MAX_UPLOAD_BYTES) {
        throw new HttpError(
          413,
          `uploads are limited to ${MAX_UPLOAD_BYTES} bytes here`,
        );
      }
      const slot = ctx.uploads.create(session, parsed.data, origin);
      ctx.log("upload.slot", {
        session: session.id,
        upload: slot.presigned_id,
        size: parsed.data.size,
      });
      sendJson(res, 201, slot);
    },
  );

  router.on("PUT", "/uploads/:uploadId", async ({ req, res, params, url }) => {
    const slot = ctx.uploads.check(
      params.uploadId!,
      url.searchParams.get("expires"),
      url.searchParams.get("signature"),
    );
    if (slot === "unknown") throw new HttpError(404, "no such upload");
    if (slot === "forbidden") {
      throw new HttpError(403, "signature does not match");
    }
    if (slot === "expired") {
      throw new HttpError(403, "presigned URL has expired");
    }
    const hash = createHash("sha256");
    const head: Buffer[] = [];
    let received = 0;
    // Drain the whole body even when it is too large (see http/body.ts), hashing only what fits.
    // Only the head is kept: enough for a model to read an image's size.
    for await (const chunk of req as AsyncIterable<Buffer>) {
      if (received < IMAGE_HEADER_BYTES) head.push(chunk);
      received += chunk.length;
      if (received <= slot.record.size) hash.update(chunk);
    }
    if (received > slot.record.size) {
      throw new HttpError(
        413,
        `body is larger than the ${slot.record.size} bytes declared for this upload`,
      );
    }
    if (received !== slot.record.size) {
      throw new HttpError(
        400,
        `body is ${received} bytes, the upload slot declared ${slot.record.size}`,
      );
    }
    slot.record.receivedBytes = received;
    slot.record.image = imageSize(Buffer.concat(head));
    const etag = `"${hash.digest("hex").slice(0, 32)}"`;
    ctx.log("upload.stored", {
      session: slot.session.id,
      upload: slot.id,
      bytes: received,
    });
    res.writeHead(200, { ETag: etag, "Content-Length": 0 });
    res.end();
  });
}
