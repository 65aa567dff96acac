/**
 * Main process: everything that must happen before Electron is ready, in order. The
 * single-instance lock comes first so a second launch does nothing but wake the first one (F12);
 * then the sandbox for every renderer, the Windows identity for toasts, and the app:// scheme.
 */
import { join } from 'node:path';
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
    | 'getPath'
    | 'setPath'
    | 'setAppLogsPath'
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
  // The lock lives in the profile folder, so the profile must be fixed first: "O2G Presence"
  // whether started packaged or with `electron .` (where the name would be the npm name).
  app.setName(APP_NAME);
  app.setPath('userData', join(app.getPath('appData'), APP_NAME));
  app.setAppLogsPath();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return 'second-instance';
  }

  if (platform === 'win32') {
    app.setAppUserModelId(APP_USER_MODEL_ID);
    app.setToastActivatorCLSID(TOAST_ACTIVATOR_CLSID);
  }
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  return 'primary';
}

export interface StartState {
  /** The settings file was unusable and was moved aside. */
  readonly settingsRecovered: boolean;
  /** null when there was nothing to connect with (first run, password to ask). */
  readonly connected: boolean | null;
  readonly launchedAtLogin: boolean;
  readonly trayAvailable: boolean;
}

/**
 * Which window the user sees once started: the settings when something needs them (first run,
 * a password to type, a broken settings file, a failed connection), else the dashboard, except
 * when started at login, where the tray is enough. Without a tray, always a window.
 */
export function windowAtStart(state: StartState): 'settings' | 'dashboard' | null {
  if (state.settingsRecovered || state.connected !== true) return 'settings';
  if (state.launchedAtLogin && state.trayAvailable) return null;
  return 'dashboard';
}
