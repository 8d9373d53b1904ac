// The page's first <video> makes Chromium restyle the whole document for its
// media styles: about 20 ms on the benchmark machine, four times that on a
// phone. The SDK's view mounts at Connect, so unpaid, that pass lands inside
// the click. Intent on Connect (pointer over it, focus) pays it instead, tens
// to hundreds of ms before the click; nothing pays it on a page load (it
// would be blocking time), and a click without intent pays it as before.

let warmed = false;

/** Styles a hidden <video> once per page, so the SDK's view mounts cheaply. */
export function warmMediaStyles(): void {
  if (warmed) return;
  warmed = true;
  const video = document.createElement("video");
  video.hidden = true;
  document.body.append(video);
  // Reading its style forces the pass now, in the intent's event.
  void getComputedStyle(video).display;
  video.remove();
}
