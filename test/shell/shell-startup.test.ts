// The composed shell against the Electron stub, part 1: start-up order, first run, demo,
// --autostart, F10 through the whole shell, and the security options of every window.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings/schema.js';
import {
  appRecord,
  invokeIpc,
  protocolRecord,
  resetElectronStub,
  trayRecord,
  windowRecord,
} from '../electron-stub/index.js';
import { alertFor } from './fake-engine.js';
import type { Harness } from './shell-harness.js';
import { fakeDemo, profileDir, removeProfile, startHarness, startInDemo } from './shell-harness.js';

let harness: Harness;

beforeEach(() => resetElectronStub());
afterEach(async () => {
  vi.useRealTimers();
  await removeProfile(harness.userData);
});

describe('start-up', () => {
  it('locks down before ready: sandbox, privileged app:// scheme, then serves it after ready', async () => {
    harness = await startHarness();
    expect(appRecord.lockRequested).toBe(true);
    expect(appRecord.sandboxEnabled).toBe(true);
    expect(appRecord.sandboxEnabledAfterReady).toBe(false);
    expect(protocolRecord.privileged.map((s) => s.scheme)).toEqual(['app']);
    expect(protocolRecord.handlers.has('app')).toBe(true);
    expect(appRecord.name).toBe('O2G Presence');
  });

  it('sets the Windows app identity and toast activator only on Windows', async () => {
    harness = await startHarness({ platform: 'win32' });
    expect(appRecord.appUserModelId).toBe('com.o2g-presence.desktop');
    expect(appRecord.toastActivatorClsid).toMatch(/^\{[0-9A-F-]{36}\}$/);
    resetElectronStub();
    const linux = await startHarness({ platform: 'linux', userData: harness.userData });
    expect(appRecord.appUserModelId).toBeNull();
    void linux;
  });

  it('first start with nothing configured opens the settings (not the dashboard)', async () => {
    harness = await startHarness();
    expect(windowRecord.created.map((w) => w.loadedUrls[0])).toEqual(['app://o2g/settings.html']);
    expect(harness.engine.starts).toHaveLength(0);
    expect(trayRecord.created).toHaveLength(1);
  });

  it('"Try the demo" connects the engine to the simulator and remembers demo mode', async () => {
    const demo = fakeDemo();
    harness = await startHarness({ demo });
    expect(await invokeIpc('demo:start', undefined)).toEqual({ ok: true });
    expect(demo.started).toBe(1);
    expect(demo.played).toBe(1);
    expect(harness.engine.starts[0]?.server).toBe('http://127.0.0.1:9');
    expect(harness.shell.account.settings().demoMode).toBe(true);

    await harness.shell.quit();
    expect(demo.stopped).toBe(1);
    expect(harness.engine.stops).toBeGreaterThanOrEqual(1);
  });

  it('a demo that cannot start is reported in words and the settings stay open', async () => {
    const broken = { ...fakeDemo(), start: async () => Promise.reject(new Error('no free port')) };
    harness = await startHarness({ demo: broken });
    expect(await invokeIpc('demo:start', undefined)).toEqual({
      ok: false,
      message: 'The demo could not start: no free port',
    });
    expect(harness.engine.starts).toHaveLength(0);
  });

  it('--autostart starts hidden in the tray; without a tray the dashboard opens anyway', async () => {
    harness = await startInDemo({ argv: ['o2g-presence', '--autostart'] });
    expect(windowRecord.created).toHaveLength(0);

    resetElectronStub();
    trayRecord.failCreate = true;
    const noTray = await startInDemo({ argv: ['o2g-presence', '--autostart'] });
    expect(windowRecord.created.map((w) => w.loadedUrls[0])).toEqual(['app://o2g/index.html']);
    await removeProfile(noTray.userData);
  });

  it('F10: a corrupt settings file: tray and settings window with defaults, backup kept, next start clean', async () => {
    const userData = await profileDir();
    const { writeFile, readdir } = await import('node:fs/promises');
    await writeFile(`${userData}/settings.json`, Buffer.alloc(4096, 0));
    harness = await startHarness({ userData });

    expect(trayRecord.created).toHaveLength(1);
    expect(windowRecord.created.map((w) => w.loadedUrls[0])).toEqual(['app://o2g/settings.html']);
    expect(harness.shell.account.settings()).toEqual(DEFAULT_SETTINGS);
    const backups = (await readdir(userData)).filter((f) => f.startsWith('settings.json.corrupt-'));
    expect(backups).toEqual(['settings.json.corrupt-20261203-180000']);
    const { dialogRecord } = await import('../electron-stub/index.js');
    expect(dialogRecord.messages).toEqual([
      expect.objectContaining({
        type: 'warning',
        message: 'Your settings could not be read and were reset.',
        detail: expect.stringContaining(
          'settings.json.corrupt-20261203-180000 (the file holds binary data)',
        ),
      }),
    ]);
    await harness.shell.quit();

    resetElectronStub();
    const next = await startHarness({ userData });
    expect((await readdir(userData)).filter((f) => f.includes('.corrupt-'))).toHaveLength(1);
    expect(dialogRecord.messages).toEqual([]);
    expect(next.shell.account.settings()).toEqual(DEFAULT_SETTINGS);
    expect(appRecord.lockRequested).toBe(true);
  });

  it('a normal start with a working account opens the dashboard', async () => {
    harness = await startInDemo();
    expect(windowRecord.created.map((w) => w.loadedUrls[0])).toEqual(['app://o2g/index.html']);
  });
});

describe('every window is created locked down', () => {
  it('dashboard, settings and popups all get the same secure web preferences', async () => {
    harness = await startInDemo();
    harness.shell.windows.open('settings');
    harness.engine.pushAlert({ action: 'show', alert: alertFor('7001') });
    harness.engine.pushAlert({ action: 'show', alert: alertFor('7002') });

    expect(windowRecord.created).toHaveLength(4);
    for (const window of windowRecord.created) {
      expect(window.options.webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        webviewTag: false,
        preload: '/app/dist/main/preload.cjs',
      });
      expect(window.webContents.windowOpenHandler).not.toBeNull();
    }
  });
});
