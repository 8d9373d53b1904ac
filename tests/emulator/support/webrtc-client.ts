import {
  MediaStreamTrack,
  RTCPeerConnection,
  RTCRtpCodecParameters,
  type RTCDataChannel,
  type RtpPacket,
  type RTCRtpTransceiver,
} from "werift";
import { transportHeaders, type Api } from "./emulator";

// A Node stand-in for what SDK 2.9.0 does in the browser (reactor-protocol
// §4.3): one `data` channel created first, then one transceiver per
// capability track (main_video recvonly, webcam sendonly), a complete
// (non-trickle) offer, track_mapping by mid, POST sdp_params, poll GET.

export interface TestClient {
  pc: RTCPeerConnection;
  channel: RTCDataChannel;
  video: RTCRtpTransceiver;
  webcamTrack: MediaStreamTrack;
  packets: RtpPacket[];
  messages: { scope: string; data: { type: string; data: unknown } }[];
  /** Resolves with the first message matching `predicate` (already received ones included). */
  waitForMessage(
    predicate: (message: TestClient["messages"][number]) => boolean,
    timeoutMs?: number,
  ): Promise<TestClient["messages"][number]>;
  send(scope: "application" | "runtime", type: string, data?: unknown): void;
  close(): Promise<void>;
}

export async function gatherComplete(pc: RTCPeerConnection): Promise<void> {
  if (pc.iceGatheringState === "complete") return;
  await pc.iceGatheringStateChange.watch(
    (state) => state === "complete",
    5_000,
  );
}

export async function offerFromClient(): Promise<{
  pc: RTCPeerConnection;
  channel: RTCDataChannel;
  video: RTCRtpTransceiver;
  webcam: RTCRtpTransceiver;
  webcamTrack: MediaStreamTrack;
  sdp: string;
  trackMapping: unknown[];
}> {
  const pc = new RTCPeerConnection({
    iceServers: [],
    codecs: {
      video: [
        new RTCRtpCodecParameters({
          mimeType: "video/VP8",
          clockRate: 90_000,
          rtcpFeedback: [{ type: "nack" }, { type: "nack", parameter: "pli" }],
        }),
      ],
      audio: [],
    },
    iceAdditionalHostAddresses: ["127.0.0.1"],
  });
  const channel = pc.createDataChannel("data");
  const video = pc.addTransceiver("video", { direction: "recvonly" });
  const webcamTrack = new MediaStreamTrack({ kind: "video" });
  const webcam = pc.addTransceiver(webcamTrack, { direction: "sendonly" });
  await pc.setLocalDescription(await pc.createOffer());
  await gatherComplete(pc);
  const trackMapping = [
    {
      mid: video.mid,
      name: "main_video",
      kind: "video",
      direction: "recvonly",
    },
    { mid: webcam.mid, name: "webcam", kind: "video", direction: "sendonly" },
  ];
  return {
    pc,
    channel,
    video,
    webcam,
    webcamTrack,
    sdp: pc.localDescription!.sdp,
    trackMapping,
  };
}

export async function pollAnswer(
  api: Api,
  jwt: string,
  sessionId: string,
  timeoutMs = 8_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await api.request(
      "GET",
      `/sessions/${sessionId}/transport/webrtc/sdp_params`,
      {
        headers: transportHeaders(jwt),
      },
    );
    if (response.status === 200) return response.json.sdp_answer as string;
    if (response.status !== 202)
      throw new Error(
        `answer poll: ${response.status} ${JSON.stringify(response.json)}`,
      );
    if (Date.now() > deadline) throw new Error("no SDP answer in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function connectClient(
  api: Api,
  jwt: string,
  sessionId: string,
): Promise<TestClient> {
  const { pc, channel, video, webcamTrack, sdp, trackMapping } =
    await offerFromClient();
  const packets: RtpPacket[] = [];
  const messages: TestClient["messages"] = [];
  const waiters = new Set<() => void>();
  video.onTrack.subscribe((track) =>
    track.onReceiveRtp.subscribe((packet) => packets.push(packet)),
  );
  channel.onMessage.subscribe((raw) => {
    messages.push(JSON.parse(raw.toString()));
    for (const wake of waiters) wake();
  });

  const offer = await api.request(
    "POST",
    `/sessions/${sessionId}/transport/webrtc/sdp_params`,
    {
      headers: transportHeaders(jwt),
      body: {
        sdp_offer: sdp,
        client_info: { sdk_version: "2.9.0", sdk_type: "js" },
        track_mapping: trackMapping,
      },
    },
  );
  if (offer.status !== 202)
    throw new Error(`offer: ${offer.status} ${JSON.stringify(offer.json)}`);
  await pc.setRemoteDescription({
    type: "answer",
    sdp: await pollAnswer(api, jwt, sessionId),
  });
  await pc.connectionStateChange.watch(
    (state) => state === "connected",
    10_000,
  );
  if (channel.readyState !== "open")
    await channel.stateChanged.watch((state) => state === "open", 10_000);

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
              `no matching data-channel message; got ${JSON.stringify(messages.map((m) => m.data.type))}`,
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
