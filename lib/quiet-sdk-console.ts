/**
 * SDK 2.9.0 traces every step with console.debug, including the store's
 * props (which hold the JWT when it is passed as `jwtToken`). This app never
 * passes the token as a prop, and in production it also drops the SDK's debug
 * lines so a visitor's console never carries session details. Warnings and
 * errors still print: they are what a developer needs to debug a failure.
 */
const SDK_TAG =
  /^\[(Reactor|ReactorStore|ReactorProvider|ReactorView|CoordinatorClient|LocalCoordinatorClient|WebRTCTransport|WebcamPublisher)\]/;

let installed = false;

export function quietSdkConsole(): void {
  if (installed || process.env.NODE_ENV !== "production") return;
  installed = true;
  const debug = console.debug.bind(console);
  console.debug = (...args: unknown[]) => {
    if (typeof args[0] === "string" && SDK_TAG.test(args[0])) return;
    debug(...args);
  };
}
