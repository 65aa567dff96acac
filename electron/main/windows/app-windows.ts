/**
 * Main process: the dashboard and settings windows. At most one of each; opening one that
 * exists brings it to the front instead of making a second. The call popups live apart, in
 * call-popups.ts.
 */
import type { WindowChrome } from './secure-window.js';

export interface AppWindow {
  show(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isDestroyed(): boolean;
  loadURL(url: string): Promise<void>;
  once(event: 'closed' | 'ready-to-show', listener: () => void): unknown;
}

export type AppWindowKind = 'dashboard' | 'settings';

const CHROME: Readonly<Record<AppWindowKind, WindowChrome>> = {
  dashboard: {
    width: 360,
    height: 480,
    minWidth: 320,
    minHeight: 400,
    title: 'O2G Presence',
    show: false,
    autoHideMenuBar: true,
  },
  settings: {
    width: 560,
    height: 640,
    minWidth: 480,
    minHeight: 480,
    title: 'O2G Presence settings',
    show: false,
    autoHideMenuBar: true,
  },
};

export interface AppWindowDeps {
  createWindow(chrome: WindowChrome): AppWindow;
  urlFor(kind: AppWindowKind): string;
  onLoadFailed(kind: AppWindowKind, error: unknown): void;
}

export class AppWindows {
  private readonly windows = new Map<AppWindowKind, AppWindow>();

  constructor(private readonly deps: AppWindowDeps) {}

  /** Opens the window, or brings the existing one to the front. */
  open(kind: AppWindowKind): AppWindow {
    const existing = this.windows.get(kind);
    if (existing && !existing.isDestroyed()) {
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
      return existing;
    }

    const window = this.deps.createWindow(CHROME[kind]);
    this.windows.set(kind, window);
    window.once('closed', () => {
      if (this.windows.get(kind) === window) this.windows.delete(kind);
    });
    window.once('ready-to-show', () => window.show());
    window.loadURL(this.deps.urlFor(kind)).catch((error: unknown) => {
      this.deps.onLoadFailed(kind, error);
    });
    return window;
  }

  /** A second launch of the app: show whichever window the user had, else the dashboard. */
  bringToFront(): void {
    const kind = this.windows.has('settings') ? 'settings' : 'dashboard';
    this.open(kind);
  }

  get(kind: AppWindowKind): AppWindow | undefined {
    return this.windows.get(kind);
  }
}
