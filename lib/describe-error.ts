import type { TokenFetchError } from "@/lib/fetch-token";

/** One user-facing failure: what happened and what to do next. */
export interface ErrorDescription {
  title: string;
  nextStep: string;
}

/**
 * The route's messages already name the next step (they are written for this
 * screen), so token errors only gain a title here.
 */
export function describeTokenError(error: TokenFetchError): ErrorDescription {
  const titles: Partial<Record<TokenFetchError["code"], string>> = {
    not_configured: "The app is not configured",
    key_rejected: "Reactor rejected the API key",
    upstream_rate_limited: "Reactor is rate limiting token requests",
    rate_limited: "Too many token requests from this browser",
    upstream_timeout: "Reactor did not answer in time",
    cross_site: "Token request refused",
    unauthorized: "Sign-in required",
    network_error: "Could not reach the token route",
  };
  return {
    title: titles[error.code] ?? "Could not get a session token",
    nextStep: error.message,
  };
}

/** The subset of the SDK's ReactorError this module reads. */
export interface SdkError {
  code: string;
  message: string;
}

/**
 * SDK 2.9.0 reports every connect() failure as CONNECTION_FAILED with the
 * underlying HTTP status buried in the message ("Failed to create session:
 * 429 …"), so the status is recovered from the text.
 */
export function describeSdkError(
  error: SdkError,
  apiUrl: string,
): ErrorDescription {
  if (error.code === "GPU_CONNECTION_ERROR") {
    return {
      title: "The video connection failed",
      nextStep:
        "WebRTC could not keep a connection to the GPU. Check that your network allows UDP (VPNs and corporate firewalls often block it), then connect again.",
    };
  }
  if (error.code === "RECONNECTION_FAILED") {
    return {
      title: "Could not resume the session",
      nextStep:
        "The session may have ended on Reactor's side. Start a new session.",
    };
  }

  const text = error.message;
  const status = httpStatusIn(text);
  if (status === 401) {
    return {
      title: "Reactor rejected the session token",
      nextStep: `The token was expired or minted for another environment. Try again for a fresh one; if it keeps failing, check that REACTOR_API_URL (${apiUrl}) is where your key belongs.`,
    };
  }
  if (status === 403) {
    return {
      title: "This token may not start that session",
      nextStep:
        "The token is scoped to one model and a session budget. Try again for a fresh token; if it keeps failing, check REACTOR_MODEL.",
    };
  }
  if (status === 404) {
    return {
      title: "Model or session not found",
      nextStep: "Check that REACTOR_MODEL names a model you can use.",
    };
  }
  if (status === 429) {
    return {
      title: "No GPU capacity right now",
      nextStep:
        "Reactor allows 5 concurrent sessions per account and is rate limited. End sessions in other tabs, wait a minute, then try again.",
    };
  }
  if (status === 426 || /VERSION_TOO_OLD/.test(text)) {
    return {
      title: "SDK and service versions do not match",
      nextStep:
        "Upgrade @reactor-team/js-sdk (or point REACTOR_API_URL at a service that speaks its API version).",
    };
  }
  if (status !== undefined && status >= 500) {
    return {
      title: "Reactor had a server error",
      nextStep: "Wait a moment and try again.",
    };
  }
  if (/exceeded maximum attempts/.test(text) && /Session polling/.test(text)) {
    return {
      title: "No GPU became available in time",
      nextStep: "The model may be busy. Try again in a minute.",
    };
  }
  if (/SDP polling exceeded/.test(text)) {
    return {
      title: "The GPU did not answer in time",
      nextStep: "Setting up the video connection timed out. Try again.",
    };
  }
  if (/terminal state/.test(text)) {
    return {
      title: "The session ended before it started",
      nextStep: "Try again; if it repeats, the model may be unavailable.",
    };
  }
  if (/Failed to fetch|NetworkError|Load failed/.test(text)) {
    return {
      title: `Could not reach Reactor at ${apiUrl}`,
      nextStep:
        "Check your connection and REACTOR_API_URL. Using the local emulator? `npm run dev` starts it; `npm run emulator` runs it alone.",
    };
  }
  return {
    title: "Could not connect",
    nextStep:
      "Try again. If it keeps failing, the browser console has details.",
  };
}

/** True when a connect() failure means the token itself was refused. */
export function isAuthFailure(error: unknown): boolean {
  const status = httpStatusIn(error instanceof Error ? error.message : "");
  return status === 401 || status === 403;
}

function httpStatusIn(text: string): number | undefined {
  // Every HTTP failure in the SDK reads "Failed to <step>: <status> <body>".
  const match = /Failed to [^:]+: (\d{3})\b/.exec(text);
  return match ? Number(match[1]) : undefined;
}
