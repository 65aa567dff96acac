/**
 * Main process: the composition root of the desktop shell. Claims the single-instance lock,
 * locks down every renderer, then wires settings + secrets + policy -> engine, and the engine's
 * views and alerts -> tray, badge, notifications, popups and every window. Everything Electron
 * is taken from the `electron` module here; the services below it get it injected.
 */
import { readFile } from 'node:fs/promises';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  net,
  powerMonitor,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import type { LoggerFactory } from '../gateway/log.js';
import type { PresenceEngine } from '../gateway/types.js';
import type { DemoGateway, Doctor } from './account.js';
import { Account } from './account.js';
import { createAlertSurfaces } from './alert-surfaces.js';
import { registerAppIpc } from './app-ipc.js';
import type { NotificationRegistry } from './alerts/notification-registry.js';
import { broadcastEvent } from './ipc/event-sender.js';
import { closeLibraryChannels } from './ipc/library-channels.js';
import { APP_SCHEME, createAppProtocolHandler } from './security/app-protocol.js';
import { guardAllWebContents } from './security/web-contents-guard.js';
import { PasswordVault } from './settings/password-vault.js';
import { loadPolicy, policyFilePath } from './settings/policy.js';
import { openSettingsStore } from './settings/settings-store.js';
import { prepareBeforeReady, windowAtStart } from './startup.js';
import { installQuitFlow } from './system/quit-flow.js';
import { launchedAtLogin, StartAtLogin } from './system/start-at-login.js';
import { watchWakeUps } from './system/wake-watch.js';
import { createSystemTray } from './system-tray.js';
import type { TrayService } from './tray/tray-service.js';
import type { AppWindows } from './windows/app-windows.js';
import type { CallPopups } from './windows/call-popups.js';

export interface ShellOptions {
  readonly platform: NodeJS.Platform;
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  /** dist/renderer, dist/main/preload.cjs, assets/generated, and where the log file lives. */
  readonly paths: {
    readonly renderer: string;
    readonly preload: string;
    readonly generatedAssets: string;
    /** Asked when needed: the folder is only known once the profile is fixed. */
    readonly logFolder: () => string;
    readonly autostartDir: string;
    /** Overrides the platform's system-wide policy.json (tests, packaging checks). */
    readonly policyFile?: string;
  };
  /** The program and arguments that start this app, for the login item. */
  readonly launchCommand: { readonly executable: string; readonly args: readonly string[] };
  readonly logger: LoggerFactory;
  createEngine(logger: LoggerFactory): PresenceEngine;
  readonly doctor: Doctor;
  readonly demo: DemoGateway | null;
  readonly now?: () => Date;
}

export interface RunningShell {
  readonly status: 'running';
  readonly engine: PresenceEngine;
  readonly account: Account;
  readonly windows: AppWindows;
  readonly popups: CallPopups;
  readonly notifications: NotificationRegistry;
  readonly tray: TrayService;
  /** Stops the engine (and demo), closes everything, then quits Electron. */
  quit(): Promise<void>;
}

export type ShellHandle = RunningShell | { readonly status: 'second-instance' };

export async function startShell(options: ShellOptions): Promise<ShellHandle> {
  if (prepareBeforeReady(app, protocol, options.platform) === 'second-instance') {
    return { status: 'second-instance' };
  }
  const log = options.logger('shell');

  // A second launch may arrive while we are still starting: remember it, act once ready.
  let bringToFront: () => void = () => undefined;
  let secondLaunchPending = false;
  app.on('second-instance', () => {
    secondLaunchPending = true;
    bringToFront();
  });
  // Closing the last window keeps the app in the tray; only Quit ends it.
  app.on('window-all-closed', () => undefined);

  await app.whenReady();
  protocol.handle(APP_SCHEME, createAppProtocolHandler(options.paths.renderer));
  guardAllWebContents(app, session.defaultSession, shell, options.logger('security'));

  const running = await composeServices(options, log);
  bringToFront = () => running.windows.bringToFront();
  if (secondLaunchPending) bringToFront();
  return running;
}

async function composeServices(
  options: ShellOptions,
  log: ReturnType<LoggerFactory>,
): Promise<RunningShell> {
  const { platform, paths } = options;

  const policyLoad = await loadPolicy(paths.policyFile ?? policyFilePath(platform, options.env));
  if (policyLoad.problem) {
    log.error('Administrator policy file ignored', { problem: policyLoad.problem });
  }

  const { store, recovered } = await openSettingsStore({
    dir: app.getPath('userData'),
    now: options.now ?? (() => new Date()),
    log: options.logger('settings'),
  });
  // electron-store opened its renderer channel just now; electron-log did at its import.
  closeLibraryChannels(ipcMain);
  const vault = new PasswordVault(safeStorage, store, platform, options.logger('secrets'));
  const engine = options.createEngine(options.logger);
  const account = new Account({
    store,
    vault,
    policy: policyLoad.policy,
    engine,
    demo: options.demo,
    doctor: options.doctor,
    readCaFile: (path) => readFile(path, 'utf8'),
    log: options.logger('account'),
  });

  const { windows, popups, notifications, router, badge } = createAlertSurfaces({
    platform,
    preload: paths.preload,
    generatedAssets: paths.generatedAssets,
    logger: options.logger,
    account,
    log,
  });
  const startAtLogin = new StartAtLogin({
    platform,
    app,
    autostartDir: paths.autostartDir,
    command: options.launchCommand,
  });
  const tray = createSystemTray({
    platform,
    generatedAssets: paths.generatedAssets,
    logFolder: paths.logFolder,
    engine,
    windows,
    store,
    startAtLogin,
    logger: options.logger,
    log,
  });

  const surfaces = { windows, popups, router };
  const disposeIpc = registerAppIpc({
    engine,
    account,
    surfaces,
    tray,
    startAtLogin,
    log,
    logger: options.logger,
  });

  engine.onView((view) => {
    tray.update(view);
    badge.update(view.counters.missedCalls);
    broadcastEvent(BrowserWindow.getAllWindows(), 'presence:changed', view);
  });
  engine.onAlert((change) => router.apply(change));
  const stopWatching = watchWakeUps(engine, {
    powerMonitor,
    isOnline: () => net.isOnline(),
    setInterval: (callback, ms) => setInterval(callback, ms),
    clearInterval: (timer) => clearInterval(timer as NodeJS.Timeout),
  });

  // The OS is the truth for "start at login": the user may have removed the item there.
  const loginItemOn = await startAtLogin.isOn();
  if (store.read().startAtLogin !== loginItemOn) {
    store.write({ ...store.read(), startAtLogin: loginItemOn });
  }
  tray.start(engine.view, loginItemOn);
  // macOS: a click on the Dock icon with no window open shows the dashboard.
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) windows.open('dashboard');
  });

  const outcome = account.needsSetup() ? null : await account.connect();
  const first = windowAtStart({
    settingsRecovered: recovered !== null,
    connected: outcome === null ? null : outcome.connected,
    launchedAtLogin: launchedAtLogin(options.argv, platform, app),
    trayAvailable: tray.available,
  });
  if (first) windows.open(first);
  if (recovered) {
    // Not modal: the settings window is already there to fill in again.
    void dialog.showMessageBox({
      type: 'warning',
      title: 'O2G Presence',
      message: 'Your settings could not be read and were reset.',
      detail: `The unreadable file was kept as ${recovered.backupPath} (${recovered.problem}).`,
    });
  }

  const quit = installQuitFlow(
    app,
    async () => {
      router.clear();
      await account.shutdown().catch((error: unknown) => {
        log.warn('The engine did not stop cleanly', { error });
      });
      stopWatching();
      disposeIpc();
      tray.destroy();
    },
    () => log.warn('Quit before the gateway session was closed: it will expire by itself'),
  );

  return {
    status: 'running',
    engine,
    account,
    windows,
    popups,
    notifications,
    tray,
    quit,
  };
}
