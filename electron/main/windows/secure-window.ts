/**
 * Main process: the one place BrowserWindows are made. Every window gets the same locked-down
 * web preferences (context isolation, sandbox, no Node, web security) and the sandboxed preload;
 * a caller can choose size and chrome but cannot loosen any of these.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const satisfies WebPreferences;

/** Options a window may choose; webPreferences are never taken from the caller. */
export type WindowChrome = Omit<BrowserWindowConstructorOptions, 'webPreferences'>;

export type BrowserWindowConstructor = new (
  options: BrowserWindowConstructorOptions,
) => BrowserWindow;

export interface SecureWindowFactory {
  create(chrome: WindowChrome): BrowserWindow;
}

export function createSecureWindowFactory(
  Window: BrowserWindowConstructor,
  preloadPath: string,
): SecureWindowFactory {
  return {
    create(chrome) {
      return new Window({
        ...chrome,
        webPreferences: { ...SECURE_WEB_PREFERENCES, preload: preloadPath },
      });
    },
  };
}
