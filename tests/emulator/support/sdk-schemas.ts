import { z } from "zod";

// The zod schemas @reactor-team/js-sdk 2.9.0 validates coordinator responses
// with, copied from node_modules/@reactor-team/js-sdk/dist/index.mjs (the SDK
// does not export them, and the emulator must not import the SDK).
// sdk-schemas.test.ts checks the copy still matches the installed bundle.
// Unlike the SDK (which strips unknown keys) these are used with .parse too,
// so a missing required field fails a test exactly where it would fail connect().

const TransportDeclarationSchema = z.object({
  protocol: z.string(),
  version: z.string(),
});

const TrackCapabilitySchema = z.object({
  name: z.string(),
  kind: z.enum(["video", "audio"]),
  direction: z.enum(["recvonly", "sendonly"]),
});

const CommandCapabilitySchema = z.object({
  name: z.string(),
  description: z.string(),
  schema: z.record(z.string(), z.any()).optional(),
});

export const CapabilitiesSchema = z.object({
  protocol_version: z.string(),
  tracks: z.array(TrackCapabilitySchema),
  commands: z.array(CommandCapabilitySchema).optional(),
  emission_fps: z.number().nullable().optional(),
});

export const SessionInfoResponseSchema = z.object({
  session_id: z.string(),
  state: z.string(),
  cluster: z.string(),
});

export const CreateSessionResponseSchema = SessionInfoResponseSchema.extend({
  model: z.object({ name: z.string(), version: z.string().optional() }),
  server_info: z.object({ server_version: z.string() }),
});

export const SessionResponseSchema = CreateSessionResponseSchema.extend({
  selected_transport: TransportDeclarationSchema.optional(),
  capabilities: CapabilitiesSchema.optional(),
});

export const CreateUploadResponseSchema = z.object({
  presigned_id: z.string(),
  presigned_url: z.string(),
  path: z.string(),
});

export const IceServersResponseSchema = z.object({
  ice_servers: z.array(
    z.object({
      uris: z.array(z.string()),
      credentials: z
        .object({ username: z.string(), password: z.string() })
        .optional(),
    }),
  ),
});

export const WebRTCSdpAnswerResponseSchema = z.object({
  sdp_answer: z.string(),
});

/** Lines of the SDK bundle the copies above were taken from (checked by sdk-schemas.test.ts). */
export const SDK_SOURCE_SNIPPETS = [
  "var CreateSessionResponseSchema = SessionInfoResponseSchema.extend({\n  model: z.object({ name: z.string(), version: z.string().optional() }),\n  server_info: z.object({ server_version: z.string() })\n});",
  "var SessionInfoResponseSchema = z.object({\n  session_id: z.string(),\n  state: z.string(),\n  cluster: z.string()\n});",
  "var SessionResponseSchema = CreateSessionResponseSchema.extend({\n  selected_transport: TransportDeclarationSchema.optional(),\n  capabilities: CapabilitiesSchema.optional()\n});",
  "var CapabilitiesSchema = z.object({\n  protocol_version: z.string(),\n  tracks: z.array(TrackCapabilitySchema),\n  commands: z.array(CommandCapabilitySchema).optional(),\n  emission_fps: z.number().nullable().optional()\n});",
  'var TrackCapabilitySchema = z.object({\n  name: z.string(),\n  kind: z.enum(["video", "audio"]),\n  direction: z.enum(["recvonly", "sendonly"])\n});',
  "var CommandCapabilitySchema = z.object({\n  name: z.string(),\n  description: z.string(),\n  schema: z.record(z.string(), z.any()).optional()\n});",
  "var CreateUploadResponseSchema = z.object({\n  presigned_id: z.string(),\n  presigned_url: z.string(),\n  path: z.string()\n});",
  "var IceServersResponseSchema = z.object({\n  ice_servers: z.array(IceServerSchema)\n});",
  "var WebRTCSdpAnswerResponseSchema = z.object({\n  sdp_answer: z.string()\n});",
];
