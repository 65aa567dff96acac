/**
 * Main process: the tray icon on Electron, with its menu actions wired to the shell (windows,
 * DND through the engine, start at login, the log folder, quit). Images are loaded through
 * nativeImage so paths inside app.asar work and macOS picks up "Template" names.
 */
import { app, Menu, nativeImage, shell, Tray } from 'electron';
import type { Logger, LoggerFactory } from '../gateway/log.js';
import type { PresenceEngine } from '../gateway/types.js';
import type { SettingsStore } from './settings/settings-store.js';
import type { StartAtLogin } from './system/start-at-login.js';
import { trayImagePath } from './tray/tray-images.js';
import type { TrayIcon } from './tray/tray-service.js';
import { resolveLanguage } from './system/language.js';
import { TRAY_WORDS } from './tray/tray-words.js';
import { TrayService } from './tray/tray-service.js';
import type { AppWindows } from './windows/app-windows.js';

export interface SystemTrayOptions {
  readonly platform: NodeJS.Platform;
  readonly generatedAssets: string;
  readonly logFolder: () => string;
  readonly engine: Pick<PresenceEngine, 'setDnd'>;
  readonly windows: Pick<AppWindows, 'open'>;
  readonly store: SettingsStore;
  readonly startAtLogin: StartAtLogin;
  readonly logger: LoggerFactory;
  readonly log: Logger;
}

function electronTray(path: string): TrayIcon {
  const tray = new Tray(nativeImage.createFromPath(path));
  return {
    setImage: (image) => tray.setImage(nativeImage.createFromPath(image)),
    setToolTip: (text) => tray.setToolTip(text),
    setContextMenu: (menu) => tray.setContextMenu(menu),
    on: (event, listener) => tray.on(event, listener),
    destroy: () => tray.destroy(),
  };
}

export function createSystemTray(options: SystemTrayOptions): TrayService {
  const { log } = options;

  const setStartAtLogin = async (on: boolean): Promise<void> => {
    await options.startAtLogin.set(on);
    options.store.write({ ...options.store.read(), startAtLogin: on });
    tray.setStartAtLogin(on);
  };

  const tray: TrayService = new TrayService({
    createTray: electronTray,
    buildMenu: (template) => Menu.buildFromTemplate(template),
    imageFor: (state) => trayImagePath(options.generatedAssets, options.platform, state),
    log: options.logger('tray'),
    words: TRAY_WORDS[resolveLanguage(options.store.read().language, app.getLocale())],
    actions: {
      openDashboard: () => options.windows.open('dashboard'),
      openSettings: () => options.windows.open('settings'),
      setDnd: (on) => {
        void options.engine.setDnd(on).then((result) => {
          if (!result.ok)
            log.warn('Do not disturb could not be changed', { reason: result.message });
        });
      },
      setStartAtLogin: (on) => {
        setStartAtLogin(on).catch((error: unknown) =>
          log.error('Start at login failed', { error }),
        );
      },
      openLogFolder: () => void shell.openPath(options.logFolder()),
      quit: () => app.quit(),
    },
  });
  return tray;
}
