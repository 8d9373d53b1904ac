/**
 * What can go wrong getting a camera or microphone, each with what the
 * person can do about it. Names are the DOMException names getUserMedia
 * rejects with (https://w3c.github.io/mediacapture-main/#dom-mediadevices-getusermedia).
 */
export type InputProblem =
  | "insecure"
  | "blocked"
  | "not-found"
  | "in-use"
  | "overconstrained"
  | "ended"
  | "publish-failed"
  | "unknown";

export interface InputError {
  problem: InputProblem;
  title: string;
  /** The next step, in words a visitor can follow. */
  action: string;
}

type Device = "camera" | "microphone";

export function describeInputError(
  problem: InputProblem,
  device: Device,
): InputError {
  const Device = device === "camera" ? "Camera" : "Microphone";
  switch (problem) {
    case "insecure":
      return {
        problem,
        title: `${Device} needs a secure page`,
        action:
          "Browsers only give camera and microphone to https:// pages or http://localhost. Open the app over https or on localhost.",
      };
    case "blocked":
      return {
        problem,
        title: `${Device} access is blocked`,
        action: `Allow the ${device} for this site: click the icon left of the address bar (Chrome, Edge: the tune or camera icon; Firefox: the crossed-out ${device}; Safari: Settings for This Website), set ${Device} to Allow, then press Turn on again.`,
      };
    case "not-found":
      return {
        problem,
        title: `No ${device} found`,
        action: `Connect a ${device} (or enable it in your system settings), then press Turn on again.`,
      };
    case "in-use":
      return {
        problem,
        title: `The ${device} is in use elsewhere`,
        action: `Another app or tab is holding the ${device}, or the system blocked it. Close that app or tab, then press Turn on again.`,
      };
    case "overconstrained":
      return {
        problem,
        title: `That ${device} cannot be used`,
        action: `The chosen ${device} is gone or cannot do what was asked. Pick another one in the list, or press Turn on again for the default.`,
      };
    case "ended":
      return {
        problem,
        title: `The ${device} stopped`,
        action: `It was unplugged, or access was revoked. Press Turn on to start it again.`,
      };
    case "publish-failed":
      return {
        problem,
        title: `Could not send the ${device} to the model`,
        action: "Disconnect and connect again, then turn it on.",
      };
    default:
      return {
        problem,
        title: `Could not start the ${device}`,
        action: "Press Turn on again; if it keeps failing, reload the page.",
      };
  }
}

/** Maps a getUserMedia rejection to one of the problems above. */
export function problemOf(error: unknown): InputProblem {
  const name = (error as { name?: unknown } | null)?.name;
  switch (name) {
    case "NotAllowedError":
    case "SecurityError":
    case "PermissionDeniedError":
      return "blocked";
    case "NotFoundError":
    case "DevicesNotFoundError":
      return "not-found";
    case "NotReadableError":
    case "TrackStartError":
    case "AbortError":
      return "in-use";
    case "OverconstrainedError":
    case "ConstraintNotSatisfiedError":
      return "overconstrained";
    default:
      return "unknown";
  }
}
