/**
 * Test-only: the stub's `app` and `powerMonitor`. Tests drive them with `emit` (second-instance,
 * resume, unlock-screen) and read what the code asked for (quit, badge count, login items).
 */
import { EventEmitter } from 'node:events';
import type * as Electron from 'electron';
import { markReady, resetHooks, stubState } from './state.js';

export const appRecord = {
  singleInstanceLockAvailable: true,
  lockRequested: false,
  /** The profile folder the lock was taken in (Electron keys the lock by userData). */
  lockProfile: null as string | null,
  quitCalls: 0,
  exitCodes: [] as number[],
  sandboxEnabled: false,
  sandboxEnabledAfterReady: false,
  appUserModelId: null as string | null,
  toastActivatorClsid: null as string | null,
  name: 'Electron',
  badgeCounts: [] as number[],
  loginItems: [] as Electron.Settings[],
  paths: new Map<string, string>(),
  focusStealCalls: 0,
  hidden: false,
  /** Dock bounces still running (macOS), by id. */
  bouncing: new Set<number>(),
  /** Set to false to model Windows and Linux, where app.dock is undefined. */
  hasDock: true,
  locale: 'en-US',
};

let nextBounce = 1;
const dock = {
  bounce(_type?: 'critical' | 'informational'): number {
    const id = nextBounce++;
    appRecord.bouncing.add(id);
    return id;
  },
  cancelBounce(id: number): void {
    appRecord.bouncing.delete(id);
  },
} satisfies Partial<Electron.Dock>;

class AppStub extends EventEmitter {
  whenReady(): Promise<void> {
    return stubState.readyPromise;
  }

  isReady(): boolean {
    return stubState.ready;
  }

  requestSingleInstanceLock(): boolean {
    appRecord.lockRequested = true;
    appRecord.lockProfile = appRecord.paths.get('userData') ?? null;
    return appRecord.singleInstanceLockAvailable;
  }

  releaseSingleInstanceLock(): void {
    appRecord.lockRequested = false;
  }

  quit(): void {
    appRecord.quitCalls += 1;
    this.emit('before-quit', { preventDefault: () => undefined });
    this.emit('will-quit', { preventDefault: () => undefined });
  }

  exit(exitCode?: number): void {
    appRecord.exitCodes.push(exitCode ?? 0);
  }

  enableSandbox(): void {
    // Electron only honours this before ready.
    if (stubState.ready) appRecord.sandboxEnabledAfterReady = true;
    appRecord.sandboxEnabled = true;
  }

  setAppUserModelId(id: string): void {
    appRecord.appUserModelId = id;
  }

  setToastActivatorCLSID(id: string): void {
    appRecord.toastActivatorClsid = id;
  }

  setName(name: string): void {
    appRecord.name = name;
  }

  getPath(name: Parameters<Electron.App['getPath']>[0]): string {
    const found = appRecord.paths.get(name);
    if (found === undefined) throw new Error(`Stub app.getPath('${name}') was not set by the test`);
    return found;
  }

  setPath(name: string, path: string): void {
    appRecord.paths.set(name, path);
  }

  setAppLogsPath(path?: string): void {
    appRecord.paths.set('logs', path ?? `${this.getPath('userData')}/logs`);
  }

  getVersion(): string {
    return '0.1.0-test';
  }

  getName(): string {
    return appRecord.name;
  }

  getLocale(): string {
    return appRecord.locale;
  }

  getLocaleCountryCode(): string {
    return 'FR';
  }

  getAppPath(): string {
    return appRecord.paths.get('appPath') ?? process.cwd();
  }

  readonly isPackaged = false;

  get dock(): typeof dock | undefined {
    return appRecord.hasDock ? dock : undefined;
  }

  setBadgeCount(count?: number): boolean {
    appRecord.badgeCounts.push(count ?? 0);
    return true;
  }

  setLoginItemSettings(settings: Electron.Settings): void {
    appRecord.loginItems.push(settings);
  }

  getLoginItemSettings(): Electron.LoginItemSettings {
    const last = appRecord.loginItems.at(-1);
    return { openAtLogin: last?.openAtLogin ?? false } as Electron.LoginItemSettings;
  }

  focus(): void {
    appRecord.focusStealCalls += 1;
  }

  hide(): void {
    appRecord.hidden = true;
  }
}

// `dock` is checked on its own (the stub's is a partial Dock).
export const app = new AppStub() satisfies Partial<Omit<Electron.App, keyof EventEmitter | 'dock'>>;

class PowerMonitorStub extends EventEmitter {
  getSystemIdleState(): 'active' | 'idle' | 'locked' | 'unknown' {
    return 'active';
  }
}
export const powerMonitor = new PowerMonitorStub() satisfies Partial<
  Omit<Electron.PowerMonitor, keyof EventEmitter>
>;

export const netRecord = { online: true };
export const net = {
  isOnline(): boolean {
    return netRecord.online;
  },
} satisfies Partial<Electron.Net>;

/** Resolves `app.whenReady()` and emits 'ready', as Electron does once. */
export function emitReady(): void {
  markReady();
  app.emit('ready', {}, {});
}

resetHooks.push(() => {
  app.removeAllListeners();
  powerMonitor.removeAllListeners();
  Object.assign(appRecord, {
    singleInstanceLockAvailable: true,
    lockRequested: false,
    lockProfile: null,
    quitCalls: 0,
    exitCodes: [],
    sandboxEnabled: false,
    sandboxEnabledAfterReady: false,
    appUserModelId: null,
    toastActivatorClsid: null,
    name: 'Electron',
    badgeCounts: [],
    loginItems: [],
    paths: new Map<string, string>(),
    focusStealCalls: 0,
    hidden: false,
    bouncing: new Set<number>(),
    hasDock: true,
    locale: 'en-US',
  });
  netRecord.online = true;
});
