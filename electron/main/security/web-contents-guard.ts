/**
 * Main process: app-wide denials applied to every web contents the moment it is created.
 * No renderer may navigate away, open a window, attach a webview or obtain a permission; a link
 * to an allow-listed https page goes to the system browser instead.
 */
import type { App, Event, HandlerDetails, Session, WebContents } from 'electron';
import type { ExternalOpener } from './external-links.js';
import { openExternalSafely } from './external-links.js';

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export interface GuardLog {
  warn(message: string): void;
}

/** Applies the denials to one web contents (exported for tests and for windows made early). */
export function guardContents(contents: GuardedContents, shell: ExternalOpener, log: GuardLog) {
  const denyNavigation = (event: Event, url: string): void => {
    event.preventDefault();
    log.warn(`Blocked a navigation to ${describeUrl(url)}`);
    void openExternalSafely(shell, url);
  };

  contents.on('will-navigate', denyNavigation);
  // Subframes too (there should be none; a crafted one must not get anywhere either).
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-redirect', (event: Event) => {
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event: Event) => {
    event.preventDefault();
    log.warn('Blocked a webview');
  });
  contents.setWindowOpenHandler((details: HandlerDetails) => {
    void openExternalSafely(shell, details.url);
    return { action: 'deny' };
  });
}

/** Only the scheme and host reach the log: a URL's query could carry a phone number. */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'an invalid URL';
  }
}

export function guardAllWebContents(
  app: Pick<App, 'on'>,
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
  shell: ExternalOpener,
  log: GuardLog,
): void {
  app.on('web-contents-created', (_event, contents) => {
    guardContents(contents, shell, log);
  });
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn(`Denied a permission request: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}
