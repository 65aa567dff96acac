// The stub must be at least as strict as Electron, or a shell test could pass with code that
// throws in the real app: nothing that needs a ready app works before app.whenReady().
import { beforeEach, describe, expect, it } from 'vitest';
import {
  BrowserWindow,
  Notification,
  Tray,
  app,
  appRecord,
  emitReady,
  protocol,
  resetElectronStub,
  safeStorage,
  screen,
  session,
  windowRecord,
} from '../electron-stub/index.js';

beforeEach(() => resetElectronStub());

describe('Electron stub strictness', () => {
  it.each([
    ['new BrowserWindow', () => new BrowserWindow({})],
    ['new Tray', () => new Tray('/icon.png')],
    ['new Notification', () => new Notification({ title: 'x' })],
    ['safeStorage.isEncryptionAvailable', () => safeStorage.isEncryptionAvailable()],
    ['safeStorage.encryptString', () => safeStorage.encryptString('x')],
    ['screen.getAllDisplays', () => screen.getAllDisplays()],
    ['screen.getCursorScreenPoint', () => screen.getCursorScreenPoint()],
    ['protocol.handle', () => protocol.handle('app', () => new Response(''))],
    ['session.defaultSession', () => session.defaultSession],
  ])('%s throws before ready', (_name, call) => {
    expect(call).toThrow(/before the app is ready/);
  });

  it('registerSchemesAsPrivileged throws after ready, like Electron', () => {
    emitReady();
    expect(() => protocol.registerSchemesAsPrivileged([{ scheme: 'app' }])).toThrow(/before ready/);
  });

  it('whenReady resolves once ready is emitted, and reset forgets everything', async () => {
    let ready = false;
    void app.whenReady().then(() => (ready = true));
    await Promise.resolve();
    expect(ready).toBe(false);
    emitReady();
    await app.whenReady();
    expect(ready).toBe(true);
    new BrowserWindow({});
    appRecord.quitCalls = 3;

    resetElectronStub();
    expect(app.isReady()).toBe(false);
    expect(windowRecord.created).toEqual([]);
    expect(appRecord.quitCalls).toBe(0);
  });

  it('safeStorage ciphertext never contains the plain text and round-trips', () => {
    emitReady();
    const secret = 'Tr0mbone!Quiet#42';
    const cipher = safeStorage.encryptString(secret);
    expect(cipher.includes(Buffer.from(secret))).toBe(false);
    expect(safeStorage.decryptString(cipher)).toBe(secret);
    expect(() =>
      safeStorage.decryptString(Buffer.from('v11garbage-garbage-garbage-garbage')),
    ).toThrow();
  });

  it('closing the last window quits unless someone listens to window-all-closed', () => {
    emitReady();
    new BrowserWindow({}).close();
    expect(appRecord.quitCalls).toBe(1);
    app.on('window-all-closed', () => undefined);
    new BrowserWindow({}).close();
    expect(appRecord.quitCalls).toBe(1);
  });
});
