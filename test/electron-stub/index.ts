/**
 * Test-only (node project, aliased as `electron` in vitest.config.ts): a strict stub of the
 * Electron main-process API, typed against electron.d.ts. It throws where Electron throws
 * (windows, tray, notifications, screen, safeStorage, protocol.handle before ready; a
 * notification without a title) and records what the shell did. Call resetElectronStub()
 * before each test.
 */
import type * as ElectronApi from 'electron';
import { app, net, powerMonitor } from './app.js';
import { resetHooks, resetReadiness } from './state.js';
import { contextBridge, ipcMain, ipcRenderer } from './ipc.js';
import { clipboard, dialog, protocol, safeStorage, screen, shell } from './system.js';
import { Menu, Notification, Tray, nativeImage } from './tray.js';
import { BrowserWindow, session } from './windows.js';

export { app, appRecord, emitReady, net, netRecord, powerMonitor } from './app.js';
export {
  contextBridge,
  contextBridgeRecord,
  invokeIpc,
  ipcMain,
  ipcRecord,
  ipcRenderer,
} from './ipc.js';
export type { StubSenderFrame } from './ipc.js';
export {
  clipboard,
  clipboardRecord,
  dialog,
  dialogRecord,
  fetchThroughProtocol,
  protocol,
  protocolRecord,
  safeStorage,
  safeStorageRecord,
  screen,
  setDisplays,
  shell,
  shellRecord,
} from './system.js';
export type { StubDisplay } from './system.js';
export {
  Menu,
  NativeImageStub,
  Notification,
  Tray,
  clickNotification,
  clickTrayMenuItem,
  nativeImage,
  notificationRecord,
  trayRecord,
} from './tray.js';
export { BrowserWindow, WebContentsStub, session, windowRecord } from './windows.js';

/** Forgets every window, handler, record and the ready state: call in beforeEach. */
export function resetElectronStub(): void {
  resetReadiness();
  for (const reset of resetHooks) reset();
}

// electron-store reads `import electron from 'electron'`; give it the same objects.
const electronModule = {
  app,
  BrowserWindow,
  clipboard,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  Menu,
  nativeImage,
  net,
  Notification,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  Tray,
} satisfies Partial<Record<keyof typeof ElectronApi, unknown>>;
export default electronModule;
