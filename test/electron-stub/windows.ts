/**
 * Test-only: BrowserWindow, WebContents and the default session of the Electron stub. Every
 * window records its constructor options (webPreferences included), what it loaded and how it
 * was shown, so tests can assert the security options and "never steals focus".
 */
import { EventEmitter } from 'node:events';
import type * as Electron from 'electron';
import { app } from './app.js';
import { assertReady, resetHooks } from './state.js';

type PermissionRequestHandler = Parameters<Electron.Session['setPermissionRequestHandler']>[0];
type PermissionCheckHandler = Parameters<Electron.Session['setPermissionCheckHandler']>[0];

class SessionStub {
  permissionRequestHandler: PermissionRequestHandler = null;
  permissionCheckHandler: PermissionCheckHandler = null;

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }
}
const defaultSession = new SessionStub() satisfies Partial<Electron.Session>;
export const session = {
  get defaultSession(): SessionStub {
    assertReady('session.defaultSession');
    return defaultSession;
  },
};

let nextId = 1;

export class WebContentsStub extends EventEmitter {
  readonly id = nextId++;
  readonly session = defaultSession;
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  windowOpenHandler:
    ((details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse) | null = null;
  url = '';
  destroyed = false;

  setWindowOpenHandler(
    handler: (details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse,
  ): void {
    this.windowOpenHandler = handler;
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed (stub WebContents)');
    this.sent.push({ channel, payload: args[0] });
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  getURL(): string {
    return this.url;
  }
}

export const windowRecord = {
  created: [] as BrowserWindow[],
};

export class BrowserWindow extends EventEmitter {
  readonly id = nextId++;
  readonly webContents = new WebContentsStub();
  readonly options: Electron.BrowserWindowConstructorOptions;
  loadedUrls: string[] = [];
  visible = false;
  shownInactive = 0;
  focused = 0;
  alwaysOnTop: { flag: boolean; level: string | undefined } | null = null;
  bounds: Electron.Rectangle;
  overlayIcons: Array<{ icon: unknown; description: string }> = [];
  destroyed = false;
  minimized = false;

  constructor(options: Electron.BrowserWindowConstructorOptions = {}) {
    super();
    assertReady('BrowserWindow');
    this.options = options;
    this.visible = options.show !== false;
    this.bounds = {
      x: options.x ?? 0,
      y: options.y ?? 0,
      width: options.width ?? 800,
      height: options.height ?? 600,
    };
    windowRecord.created.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }

  static getAllWindows(): BrowserWindow[] {
    return windowRecord.created.filter((w) => !w.destroyed);
  }

  static fromWebContents(contents: unknown): BrowserWindow | null {
    return windowRecord.created.find((w) => w.webContents === contents) ?? null;
  }

  async loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    this.webContents.url = url;
    // Electron emits ready-to-show once the page has painted; the stub does after the load.
    queueMicrotask(() => {
      if (!this.destroyed) this.emit('ready-to-show');
    });
  }

  show(): void {
    this.visible = true;
    this.focused += 1;
  }

  showInactive(): void {
    this.visible = true;
    this.shownInactive += 1;
  }

  hide(): void {
    this.visible = false;
  }

  focus(): void {
    this.focused += 1;
  }

  isVisible(): boolean {
    return this.visible;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  restore(): void {
    this.minimized = false;
  }

  setAlwaysOnTop(flag: boolean, level?: Parameters<Electron.BrowserWindow['setAlwaysOnTop']>[1]) {
    this.alwaysOnTop = { flag, level };
  }

  setBounds(bounds: Partial<Electron.Rectangle>): void {
    this.bounds = { ...this.bounds, ...bounds };
  }

  getBounds(): Electron.Rectangle {
    return this.bounds;
  }

  flashing = false;
  allWorkspaces: { visible: boolean; fullScreen: boolean } | null = null;

  setVisibleOnAllWorkspaces(
    visible: boolean,
    options?: Electron.VisibleOnAllWorkspacesOptions,
  ): void {
    this.allWorkspaces = { visible, fullScreen: options?.visibleOnFullScreen ?? false };
  }

  flashFrame(flag: boolean): void {
    this.flashing = flag;
  }

  setOverlayIcon(icon: Electron.NativeImage | null, description: string): void {
    this.overlayIcons.push({ icon, description });
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  close(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    this.webContents.destroyed = true;
    this.emit('closed');
    // Electron quits when the last window closes, unless someone listens to window-all-closed.
    if (BrowserWindow.getAllWindows().length === 0) {
      if (app.listenerCount('window-all-closed') === 0) app.quit();
      else app.emit('window-all-closed');
    }
  }

  destroy(): void {
    this.close();
  }
}

// Signature drift against electron.d.ts fails the typecheck here.
const _windowShape = BrowserWindow.prototype satisfies Partial<
  Omit<Electron.BrowserWindow, keyof EventEmitter | 'webContents'>
>;
const _contentsShape = WebContentsStub.prototype satisfies Partial<
  Omit<Electron.WebContents, keyof EventEmitter | 'session'>
>;
void _windowShape;
void _contentsShape;

resetHooks.push(() => {
  windowRecord.created = [];
  defaultSession.permissionCheckHandler = null;
  defaultSession.permissionRequestHandler = null;
});
