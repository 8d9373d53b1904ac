/**
 * The configuration the browser is allowed to see. The server page reads it
 * at request time and passes it down as props, so changing REACTOR_MODEL or
 * REACTOR_API_URL on Vercel takes effect without a rebuild (a NEXT_PUBLIC_
 * variable would be frozen into the bundle at build time).
 */
export interface PublicConfig {
  /** Reactor model as `owner/name`; the same name scopes the minted token. */
  model: string;
  /** Reactor API base the SDK talks to; must be the one the token was minted on. */
  apiUrl: string;
  /** True when apiUrl is on loopback, i.e. the local emulator, so the UI can say so. */
  usingEmulator: boolean;
  /** End a live session after this long without input (plus a 20 s countdown); 0 = never. */
  idleDisconnectSeconds: number;
  /** End a live session after its tab has been hidden this long; 0 = never. */
  hiddenDisconnectSeconds: number;
}
