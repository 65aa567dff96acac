/**
 * Main process: registers the renderer requests of shared/ipc/channels.ts with their Electron
 * side (clipboard, file dialog, system browser) and the shell's services. Returns the disposer
 * that removes every handler on quit.
 */
import { app, clipboard, dialog, ipcMain, shell } from 'electron';
import type { ActionResult } from '../../shared/ipc/channels.js';
import type { Logger, LoggerFactory } from '../gateway/log.js';
import type { PresenceEngine } from '../gateway/types.js';
import type { Account } from './account.js';
import type { AlertSurfaces } from './alert-surfaces.js';
import { appRequestHandlers } from './ipc/app-requests.js';
import { registerRequestHandlers } from './ipc/request-handlers.js';
import type { StartAtLogin } from './system/start-at-login.js';
import type { TrayService } from './tray/tray-service.js';
import { resolveLanguage } from './system/language.js';
import { TRAY_WORDS } from './tray/tray-words.js';

export interface AppIpcOptions {
  readonly engine: PresenceEngine;
  readonly account: Account;
  readonly surfaces: Pick<AlertSurfaces, 'popups' | 'router' | 'windows'>;
  readonly tray: TrayService;
  readonly startAtLogin: StartAtLogin;
  readonly logger: LoggerFactory;
  readonly log: Logger;
}

async function chooseCaFile(): Promise<string | null> {
  const choice = await dialog.showOpenDialog({
    title: 'Choose the CA certificate (PEM)',
    properties: ['openFile'],
    filters: [{ name: 'Certificates', extensions: ['pem', 'crt', 'cer'] }],
  });
  return choice.canceled ? null : (choice.filePaths[0] ?? null);
}

export function registerAppIpc(options: AppIpcOptions): () => void {
  const { account, surfaces, tray, log } = options;

  const reconnect = async (): Promise<ActionResult> => {
    const outcome = await account.connect();
    if (outcome.connected) return { ok: true };
    log.info('Not connecting yet', { missing: outcome.missing });
    return { ok: false, message: outcome.message };
  };

  return registerRequestHandlers(
    ipcMain,
    appRequestHandlers({
      engine: options.engine,
      account,
      dismissPopup: (callRef) => surfaces.popups.dismiss(callRef),
      ringingAlert: (callRef) => surfaces.router.ringingAlert(callRef),
      openWindow: (kind) => surfaces.windows.open(kind),
      writeClipboard: (text) => clipboard.writeText(text),
      shell,
      chooseCaFile,
      reconnect,
      settingsSaved: (settings, change) => {
        tray.setWords(TRAY_WORDS[resolveLanguage(settings.language, app.getLocale())]);
        if (settings.startAtLogin !== tray.startAtLoginShown) {
          options.startAtLogin.set(settings.startAtLogin).catch((error: unknown) => {
            log.error('Start at login failed', { error });
          });
          tray.setStartAtLogin(settings.startAtLogin);
        }
        if (change.reconnect) void reconnect();
      },
    }),
    options.logger('ipc'),
  );
}
