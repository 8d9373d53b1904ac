import { z } from "zod";

// `track_mapping` in the SDK's offer body: which m-section (by `mid`) carries
// which capability track. Directions are the client's: `recvonly` = model
// output we must send, `sendonly` = client input (webcam) we receive. Never
// rely on m-line order; Chrome's may differ from the capability order.
const trackMappingEntrySchema = z.object({
  mid: z.string(),
  name: z.string(),
  kind: z.enum(["video", "audio"]),
  direction: z.enum(["recvonly", "sendonly"]),
});

export type TrackMappingEntry = z.infer<typeof trackMappingEntrySchema>;

export const sdpOfferRequestSchema = z.object({
  sdp_offer: z.string().min(1),
  client_info: z
    .object({ sdk_version: z.string(), sdk_type: z.string() })
    .optional(),
  track_mapping: z.array(trackMappingEntrySchema),
});
