import { sdkHeaders, type Api } from "./emulator";

/** uploadFile() as SDK 2.9.0 does it over HTTP: allocate a slot, PUT the bytes. Returns the FileRef fields. */
export async function uploadFile(
  api: Api,
  jwt: string,
  sessionId: string,
  file: Buffer,
  name: string,
  mimeType: string,
) {
  const slot = await api.request("POST", `/sessions/${sessionId}/uploads`, {
    headers: sdkHeaders(jwt),
    body: { name, size: file.length, mime_type: mimeType },
  });
  if (slot.status !== 201) throw new Error(`upload slot: ${slot.status}`);
  const put = await fetch(slot.json.presigned_url, {
    method: "PUT",
    body: new Uint8Array(file),
    headers: { "Content-Type": mimeType },
  });
  if (put.status !== 200) throw new Error(`upload PUT: ${put.status}`);
  return {
    upload_id: slot.json.presigned_id as string,
    name,
    mime_type: mimeType,
    size: file.length,
  };
}
