import { beforeEach, describe, expect, it, vi } from "vitest";

// A fresh module per test: the "once per page" flag lives in it.
const load = async () =>
  (await import("@/lib/warm-media-styles")).warmMediaStyles;

beforeEach(() => {
  vi.resetModules();
  vi.restoreAllMocks();
});

describe("warmMediaStyles", () => {
  it("styles a hidden <video> in the document and leaves nothing behind", async () => {
    const warmMediaStyles = await load();
    const styled: Element[] = [];
    const real = window.getComputedStyle.bind(window);
    vi.spyOn(window, "getComputedStyle").mockImplementation((element) => {
      // Styled while in the document and hidden, so the page never shows it.
      expect(element.isConnected).toBe(true);
      expect((element as HTMLElement).hidden).toBe(true);
      styled.push(element);
      return real(element);
    });
    warmMediaStyles();
    expect(styled.map((element) => element.localName)).toEqual(["video"]);
    expect(document.querySelectorAll("video")).toHaveLength(0);
  });

  it("does it once per page", async () => {
    const warmMediaStyles = await load();
    const createElement = vi.spyOn(document, "createElement");
    warmMediaStyles();
    warmMediaStyles();
    expect(createElement).toHaveBeenCalledTimes(1);
  });
});
