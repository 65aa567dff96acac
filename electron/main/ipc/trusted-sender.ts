/**
 * Main process: who may talk to the main process. Only a main frame (never a subframe) whose
 * document comes from the app's own origin; anything else (a foreign page, an iframe, a frame
 * that is gone) is refused before its payload is even looked at.
 */
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from '../security/app-protocol.js';

export interface SenderFrame {
  readonly url: string;
  readonly origin: string;
  readonly parent: unknown;
}

export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  if (frame.origin !== APP_ORIGIN) return false;

  // Node's URL gives custom schemes an opaque origin, so check scheme and host one by one.
  try {
    const url = new URL(frame.url);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}
