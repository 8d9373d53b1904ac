import {
  MediaStreamTrack,
  RTCPeerConnection,
  RTCRtpCodecParameters,
  type RTCDataChannel,
  type RTCIceServer,
  type RtpPacket,
  type RTCRtpTransceiver,
} from "werift";

/*
 * A Node stand-in for what SDK 2.9.0 does in the browser (see the SDK's
 * dist/index.mjs, `WebRTCTransportClient`): one `data` channel created first,
 * then one transceiver per capability track in the session's order, a
 * complete (non-trickle) offer, `track_mapping` by mid, POST sdp_params
 * (answered 202), then poll GET sdp_params until 200 carries the answer.
 *
 * Used by `npm run doctor -- --live` (against the real service or the
 * emulator) and by the emulator's tests. It runs only in Node: werift is a
 * dev dependency and nothing under app/, components/ or lib/ may import it.
 */

/** The HTTP side the client needs; the doctor and the tests each bring one. */
export interface SignallingApi {
  request(
    method: string,
    path: string,
    init?: { headers?: Record<string, string>; body?: unknown },
  ): Promise<{ status: number; json: unknown }>;
}

/** Headers SDK 2.9.0 puts on every coordinator call (sessions). */
export const sdkHeaders = (jwt: string) => ({
  Authorization: `Bearer ${jwt}`,
  "Reactor-API-Version": "1",
  "Reactor-API-Accept-Version": "1",
});

/** Headers SDK 2.9.0 puts on transport calls (…/transport/webrtc/…). */
export const transportHeaders = (jwt: string) => ({
  Authorization: `Bearer ${jwt}`,
  "Reactor-WebRTC-Version": "1.0",
});

/** What SDK 2.9.0 reports about itself when it creates a session or offers. */
export const CLIENT_INFO = { sdk_version: "2.9.0", sdk_type: "js" } as const;

export const createSessionBody = (model: string) => ({
  model: { name: model },
  client_info: CLIENT_INFO,
  supported_transports: [{ protocol: "webrtc", version: "1.0" }],
});

export interface TrackCapability {
  name: string;
  kind: "video" | "audio";
  /** Client's perspective: recvonly = model output, sendonly = client input. */
  direction: "recvonly" | "sendonly";
}

/** What the emulator's models declare; the doctor uses the session's own list. */
export const DEFAULT_TRACKS: TrackCapability[] = [
  { name: "main_video", kind: "video", direction: "recvonly" },
  { name: "webcam", kind: "video", direction: "sendonly" },
];

export interface ChannelMessage {
  scope: string;
  data: { type: string; data: unknown };
}

export interface ClientOffer {
  pc: RTCPeerConnection;
  channel: RTCDataChannel;
  /** The first recvonly video transceiver (the model's main output), if any. */
  video: RTCRtpTransceiver | undefined;
  /** The first sendonly video transceiver (e.g. a webcam input), if any. */
  webcam: RTCRtpTransceiver | undefined;
  webcamTrack: MediaStreamTrack;
  /** One per track, in capability order. */
  transceivers: { track: TrackCapability; transceiver: RTCRtpTransceiver }[];
  sdp: string;
  trackMapping: {
    mid: string | null;
    name: string;
    kind: string;
    direction: string;
  }[];
}

export interface OfferOptions {
  tracks?: TrackCapability[];
  /** From GET …/ice_servers; empty on loopback. */
  iceServers?: RTCIceServer[];
}

export interface WebRtcClient {
  pc: RTCPeerConnection;
  channel: RTCDataChannel;
  /** Undefined when the model declares no video output (then no packets are counted). */
  video: RTCRtpTransceiver | undefined;
  webcamTrack: MediaStreamTrack;
  /** RTP received on the main video transceiver. */
  packets: RtpPacket[];
  messages: ChannelMessage[];
  /** Resolves with the first message matching `predicate` (already received ones included). */
  waitForMessage(
    predicate: (message: ChannelMessage) => boolean,
    timeoutMs?: number,
  ): Promise<ChannelMessage>;
  send(scope: "application" | "runtime", type: string, data?: unknown): void;
  close(): Promise<void>;
}

export async function gatherComplete(pc: RTCPeerConnection): Promise<void> {
  if (pc.iceGatheringState === "complete") return;
  // 2.9.0 waits at most 5 s, then sends whatever it has.
  await pc.iceGatheringStateChange
    .watch((state) => state === "complete", 5_000)
    .catch(() => undefined);
}

export async function offerFromClient({
  tracks = DEFAULT_TRACKS,
  iceServers = [],
}: OfferOptions = {}): Promise<ClientOffer> {
  const pc = new RTCPeerConnection({
    iceServers,
    codecs: {
      video: [
        new RTCRtpCodecParameters({
          mimeType: "video/VP8",
          clockRate: 90_000,
          rtcpFeedback: [{ type: "nack" }, { type: "nack", parameter: "pli" }],
        }),
      ],
      audio: [
        new RTCRtpCodecParameters({
          mimeType: "audio/opus",
          clockRate: 48_000,
          channels: 2,
        }),
      ],
    },
    // werift skips loopback when gathering; the emulator listens there.
    iceAdditionalHostAddresses: ["127.0.0.1"],
  });
  const channel = pc.createDataChannel("data");
  const webcamTrack = new MediaStreamTrack({ kind: "video" });
  const transceivers = tracks.map((track) => ({
    track,
    transceiver:
      track.direction === "sendonly" && track.kind === "video"
        ? pc.addTransceiver(webcamTrack, { direction: "sendonly" })
        : pc.addTransceiver(track.kind, { direction: track.direction }),
  }));
  const find = (kind: string, direction: string) =>
    transceivers.find(
      ({ track }) => track.kind === kind && track.direction === direction,
    )?.transceiver;
  // Exactly one transceiver per declared track, as 2.9.0 builds them.
  const video = find("video", "recvonly");
  const webcam = find("video", "sendonly");
  await pc.setLocalDescription(await pc.createOffer());
  await gatherComplete(pc);
  return {
    pc,
    channel,
    video,
    webcam: webcam,
    webcamTrack,
    transceivers,
    sdp: pc.localDescription!.sdp,
    trackMapping: transceivers.map(({ track, transceiver }) => ({
      mid: transceiver.mid,
      name: track.name,
      kind: track.kind,
      direction: track.direction,
    })),
  };
}

export async function pollAnswer(
  api: SignallingApi,
  jwt: string,
  sessionId: string,
  timeoutMs = 8_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await api.request(
      "GET",
      `/sessions/${sessionId}/transport/webrtc/sdp_params`,
      { headers: transportHeaders(jwt) },
    );
    const body = response.json as { sdp_answer?: unknown } | undefined;
    if (response.status === 200 && typeof body?.sdp_answer === "string")
      return body.sdp_answer;
    if (response.status !== 202)
      throw new Error(
        `SDP answer poll answered HTTP ${response.status} ${JSON.stringify(response.json)}`,
      );
    if (Date.now() > deadline)
      throw new Error(`no SDP answer within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface ConnectOptions extends OfferOptions {
  /** How long ICE + DTLS + the data channel may take. */
  connectTimeoutMs?: number;
  answerTimeoutMs?: number;
  /** PUT is the SDK's reconnect(): a new peer for the same session. */
  method?: "POST" | "PUT";
}

export async function connectClient(
  api: SignallingApi,
  jwt: string,
  sessionId: string,
  {
    connectTimeoutMs = 10_000,
    answerTimeoutMs = 8_000,
    method = "POST",
    ...offerOptions
  }: ConnectOptions = {},
): Promise<WebRtcClient> {
  const { pc, channel, video, webcamTrack, sdp, trackMapping } =
    await offerFromClient(offerOptions);
  const packets: RtpPacket[] = [];
  const messages: ChannelMessage[] = [];
  const waiters = new Set<() => void>();
  video?.onTrack.subscribe((track) =>
    track.onReceiveRtp.subscribe((packet) => packets.push(packet)),
  );
  channel.onMessage.subscribe((raw) => {
    let message: ChannelMessage;
    try {
      message = JSON.parse(raw.toString());
    } catch {
      return; // 2.9.0 passes non-JSON through raw; nothing to count here
    }
    messages.push(message);
    for (const wake of waiters) wake();
  });

  try {
    const offer = await api.request(
      method,
      `/sessions/${sessionId}/transport/webrtc/sdp_params`,
      {
        headers: transportHeaders(jwt),
        body: {
          sdp_offer: sdp,
          client_info: CLIENT_INFO,
          track_mapping: trackMapping,
        },
      },
    );
    // 2.9.0 treats anything but exactly 202 as a failed offer.
    if (offer.status !== 202)
      throw new Error(
        `SDP offer answered HTTP ${offer.status} ${JSON.stringify(offer.json)}`,
      );
    await pc.setRemoteDescription({
      type: "answer",
      sdp: await pollAnswer(api, jwt, sessionId, answerTimeoutMs),
    });
    await pc.connectionStateChange.watch(
      (state) => state === "connected",
      connectTimeoutMs,
    );
    if (channel.readyState !== "open")
      await channel.stateChanged.watch(
        (state) => state === "open",
        connectTimeoutMs,
      );
  } catch (error) {
    await pc.close().catch(() => undefined);
    throw error;
  }

  return {
    pc,
    channel,
    video,
    webcamTrack,
    packets,
    messages,
    waitForMessage(predicate, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(predicate);
          if (!found) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(
            new Error(
              `no matching data-channel message; got ${JSON.stringify(messages.map((m) => m.data?.type))}`,
            ),
          );
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    send(scope, type, data = {}) {
      channel.send(JSON.stringify({ scope, data: { type, data } }));
    },
    close: () => pc.close(),
  };
}

/** The VP8 frames in received RTP, reassembled per timestamp (RFC 7741: S bit starts one, marker ends it). */
export function framesFrom(
  packets: RtpPacket[],
): { timestamp: number; keyframe: boolean; bytes: number }[] {
  const frames: { timestamp: number; keyframe: boolean; bytes: number }[] = [];
  for (const packet of packets) {
    const start = (packet.payload[0]! & 0x10) !== 0;
    if (start) {
      frames.push({
        timestamp: packet.header.timestamp,
        keyframe: (packet.payload[1]! & 0x01) === 0,
        bytes: 0,
      });
    }
    const last = frames.at(-1);
    if (last && last.timestamp === packet.header.timestamp)
      last.bytes += packet.payload.length - 1;
  }
  return frames;
}
