// F12: a second launch with the same profile never starts a second client: the lock is refused,
// the second process quits before touching anything, and the first one shows its window.
import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startShell } from '../../electron/main/shell.js';
import {
  app,
  appRecord,
  protocolRecord,
  resetElectronStub,
  windowRecord,
} from '../electron-stub/index.js';
import type { FakeEngine } from './fake-engine.js';
import type { Harness } from './shell-harness.js';
import {
  fakeDemo,
  profileDir,
  removeProfile,
  shellOptions,
  startHarness,
  tempDir,
  writeSettings,
} from './shell-harness.js';
import { DEFAULT_SETTINGS } from '../../shared/settings/schema.js';

let harness: Harness | null = null;

beforeEach(() => resetElectronStub());
afterEach(async () => {
  if (harness) await removeProfile(harness.userData);
  harness = null;
});

describe('F12: a second launch', () => {
  it('is refused the lock and quits before creating an engine, a window or a protocol', async () => {
    appRecord.singleInstanceLockAvailable = false;
    const userData = await tempDir('o2g-second-');
    appRecord.paths.set('appData', userData);
    const out: { engine?: FakeEngine } = {};

    const result = await startShell(shellOptions(userData, out));

    expect(result.status).toBe('second-instance');
    expect(appRecord.quitCalls).toBe(1);
    expect(out.engine).toBeUndefined();
    expect(windowRecord.created).toHaveLength(0);
    expect(appRecord.sandboxEnabled).toBe(false);
    // The lock was asked for in the same profile folder the first instance uses.
    expect(appRecord.lockProfile).toBe(`${userData}/O2G Presence`);
    expect(protocolRecord.privileged).toHaveLength(0);
    await rm(userData, { recursive: true, force: true });
  });

  it('wakes a first instance hidden in the tray: its dashboard opens, its engine stays one', async () => {
    const userData = await profileDir();
    await writeSettings(userData, { ...DEFAULT_SETTINGS, demoMode: true });
    harness = await startHarness({
      userData,
      argv: ['o2g-presence', '--autostart'],
      demo: fakeDemo(),
    });
    expect(windowRecord.created).toHaveLength(0);
    expect(harness.engine.starts).toHaveLength(1);

    app.emit('second-instance', {}, ['o2g-presence'], '/home/user', {});
    await Promise.resolve();

    expect(windowRecord.created).toHaveLength(1);
    expect(windowRecord.created[0]?.loadedUrls).toEqual(['app://o2g/index.html']);
    expect(harness.engine.starts).toHaveLength(1);
  });

  it('focuses the existing window instead of opening a second one', async () => {
    harness = await startHarness();
    const settings = harness.shell.windows.get('settings');
    expect(settings).toBeDefined();
    const count = windowRecord.created.length;

    app.emit('second-instance', {}, [], '/', {});
    app.emit('second-instance', {}, [], '/', {});

    expect(windowRecord.created.length).toBe(count);
    const window = windowRecord.created.find((w) => w === settings);
    expect(window?.focused).toBeGreaterThanOrEqual(2);
  });
});
