import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createRef } from "react";
import { describe, expect, it, vi } from "vitest";
import { AudioToggle } from "@/components/audio-toggle";

/** A stage with a video whose play() the test controls (jsdom has no media). */
function stage(play: (video: HTMLVideoElement) => Promise<void>) {
  const ref = createRef<HTMLDivElement>();
  const div = document.createElement("div");
  const video = document.createElement("video");
  video.muted = true;
  video.play = vi.fn(() => play(video));
  div.append(video);
  (ref as { current: HTMLDivElement }).current = div;
  return { ref, video };
}

const blockedWhenUnmuted = (video: HTMLVideoElement) =>
  video.muted
    ? Promise.resolve()
    : Promise.reject(new DOMException("blocked", "NotAllowedError"));

describe("AudioToggle", () => {
  it("unmutes silently when the browser allows sound", async () => {
    const { ref, video } = stage(() => Promise.resolve());
    render(<AudioToggle stageRef={ref} active />);
    await waitFor(() => expect(video.play).toHaveBeenCalled());
    expect(video.muted).toBe(false);
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
  });

  it("falls back to muted playback and offers Enable audio when sound is blocked", async () => {
    const { ref, video } = stage(blockedWhenUnmuted);
    render(<AudioToggle stageRef={ref} active />);
    const button = await screen.findByRole("button", { name: "Enable audio" });
    expect(video.muted).toBe(true);

    // The click is the user gesture the browser wanted.
    video.play = vi.fn(() => Promise.resolve());
    await userEvent.click(button);
    expect(video.muted).toBe(false);
    await waitFor(() =>
      expect(screen.queryByRole("button")).not.toBeInTheDocument(),
    );
  });

  it("does nothing while the model has no audio or the stream is not live", () => {
    const { ref, video } = stage(blockedWhenUnmuted);
    render(<AudioToggle stageRef={ref} active={false} />);
    expect(video.play).not.toHaveBeenCalled();
    expect(video.muted).toBe(true);
  });
});
