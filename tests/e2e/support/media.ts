import type { Page } from "@playwright/test";
import { emulator } from "./emulator";

/** The only session in the emulator, with the fields the media specs read. */
export async function onlySession(): Promise<{
  inboundTracks: Record<string, number>;
  modelState: Record<string, unknown>;
  events: { name: string }[];
}> {
  const { sessions } = (await emulator.state()) as unknown as {
    sessions: Awaited<ReturnType<typeof onlySession>>[];
  };
  if (sessions.length !== 1)
    throw new Error(`expected one session, got ${sessions.length}`);
  return sessions[0]!;
}

/**
 * Loudest RMS over `ms` of the stage's audio, read by an AnalyserNode on the
 * stage video's own MediaStream (the one the SDK built from video + audio).
 */
export function stageAudioLevel(page: Page, ms = 2_000): Promise<number> {
  return page
    .getByTestId("stage")
    .locator("video")
    .evaluate(async (el: HTMLVideoElement, ms) => {
      const stream = el.srcObject as MediaStream | null;
      if (!stream || stream.getAudioTracks().length === 0) return -1;
      const context = new AudioContext();
      await context.resume();
      const analyser = context.createAnalyser();
      context.createMediaStreamSource(stream).connect(analyser);
      const samples = new Float32Array(analyser.fftSize);
      let loudest = 0;
      const end = performance.now() + ms;
      while (performance.now() < end) {
        await new Promise((r) => setTimeout(r, 50));
        analyser.getFloatTimeDomainData(samples);
        let sum = 0;
        for (const s of samples) sum += s * s;
        loudest = Math.max(loudest, Math.sqrt(sum / samples.length));
      }
      await context.close();
      return loudest;
    }, ms);
}
