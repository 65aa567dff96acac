/**
 * Main process: everything that must happen before Electron is ready, in order. The
 * single-instance lock comes first so a second launch does nothing but wake the first one (F12);
 * then the sandbox for every renderer, the Windows identity for toasts, and the app:// scheme.
 */
import type { App, Protocol } from 'electron';
import { APP_SCHEME_PRIVILEGES } from './security/app-protocol.js';

export const APP_NAME = 'O2G Presence';
/** Matches electron-builder's appId, so Windows toasts are attributed (and clickable) to us. */
export const APP_USER_MODEL_ID = 'com.o2g-presence.desktop';
/** Toast activator CLSID: fixed, so a toast clicked after a restart still reaches the app. */
export const TOAST_ACTIVATOR_CLSID = '{5D4A7C1E-3B2F-4E6A-9C8D-1F0E2B3A4C5D}';

export type StartupResult = 'primary' | 'second-instance';

export function prepareBeforeReady(
  app: Pick<
    App,
    | 'requestSingleInstanceLock'
    | 'quit'
    | 'enableSandbox'
    | 'setAppUserModelId'
    | 'setToastActivatorCLSID'
    | 'setName'
  >,
  protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>,
  platform: string,
): StartupResult {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return 'second-instance';
  }

  app.setName(APP_NAME);
  if (platform === 'win32') {
    app.setAppUserModelId(APP_USER_MODEL_ID);
    app.setToastActivatorCLSID(TOAST_ACTIVATOR_CLSID);
  }
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  return 'primary';
}
