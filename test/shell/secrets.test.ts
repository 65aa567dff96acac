// F11: the password is never in clear in any file the app writes. Configure it, connect, quit,
// then search every file of the user-data folder (settings, logs, backups) for the password,
// its base64, its hex and the Basic Authorization value. Where Linux has only a plain-text
// keyring, the password is not stored at all and is asked at each start.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SettingsView } from '../../shared/ipc/channels.js';
import { DEFAULT_SETTINGS } from '../../shared/settings/schema.js';
import {
  invokeIpc,
  resetElectronStub,
  safeStorageRecord,
  windowRecord,
} from '../electron-stub/index.js';
import type { Harness } from './shell-harness.js';
import { removeProfile, startHarness } from './shell-harness.js';

const PASSWORD = 'Tr0mbone!Quiet#42';
const LOGIN = 'oxe31001';
const FORBIDDEN = [
  PASSWORD,
  Buffer.from(PASSWORD).toString('base64'),
  Buffer.from(PASSWORD).toString('hex'),
  Buffer.from(`${LOGIN}:${PASSWORD}`).toString('base64'),
  `Basic ${Buffer.from(`${LOGIN}:${PASSWORD}`).toString('base64')}`,
];

const configured = {
  ...DEFAULT_SETTINGS,
  gateway: { ...DEFAULT_SETTINGS.gateway, server: 'o2g.example.com', login: LOGIN },
};

async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

async function filesContaining(dir: string, needles: readonly string[]): Promise<string[]> {
  const hits: string[] = [];
  for (const file of await allFiles(dir)) {
    const bytes = await readFile(file);
    for (const needle of needles) {
      if (bytes.includes(Buffer.from(needle))) hits.push(`${file}: ${needle.slice(0, 6)}…`);
    }
  }
  return hits;
}

let harness: Harness;

beforeEach(() => resetElectronStub());
afterEach(async () => {
  await removeProfile(harness.userData);
});

async function configureAndConnect(): Promise<void> {
  const saved = await invokeIpc('settings:save', { settings: configured, password: PASSWORD });
  expect(saved).toEqual({ ok: true });
  await vi.waitFor(() => expect(harness.engine.starts).toHaveLength(1));
}

describe('F11: password stored in clear', () => {
  it('keeps only keychain ciphertext: no file holds the password in any encoding', async () => {
    harness = await startHarness();
    await configureAndConnect();
    expect(harness.engine.starts[0]?.password).toBe(PASSWORD);

    const view = (await invokeIpc('settings:get', undefined)) as SettingsView;
    expect(view.hasPassword).toBe(true);
    expect(view.canStorePassword).toBe(true);
    expect(JSON.stringify(view)).not.toContain(PASSWORD);
    await harness.shell.quit();

    const files = await allFiles(harness.userData);
    expect(files.some((f) => f.endsWith('settings.json'))).toBe(true);
    expect(files.some((f) => f.endsWith('main.log'))).toBe(true);
    expect(await readFile(harness.logFile, 'utf8')).toContain('Authorization: Basic [redacted]');
    expect(await filesContaining(harness.userData, FORBIDDEN)).toEqual([]);

    const stored = JSON.parse(await readFile(join(harness.userData, 'settings.json'), 'utf8'));
    expect(typeof stored.passwordCiphertext).toBe('string');
  });

  it('decrypts the stored password at the next start and connects without asking', async () => {
    harness = await startHarness();
    await configureAndConnect();
    await harness.shell.quit();

    resetElectronStub();
    const next = await startHarness({ userData: harness.userData });
    expect(next.engine.starts).toHaveLength(1);
    expect(next.engine.starts[0]?.password).toBe(PASSWORD);
    expect(windowRecord.created.map((w) => w.loadedUrls[0])).toEqual(['app://o2g/index.html']);
  });

  it.each(['basic_text', 'unknown'] as const)(
    'with the %s backend on Linux: not stored, the user is told, asked again at the next start',
    async (backend) => {
      safeStorageRecord.backend = backend;
      harness = await startHarness();
      await configureAndConnect();
      const view = (await invokeIpc('settings:get', undefined)) as SettingsView;
      expect(view.canStorePassword).toBe(false);
      expect(view.hasPassword).toBe(true);
      await harness.shell.quit();

      const stored = JSON.parse(await readFile(join(harness.userData, 'settings.json'), 'utf8'));
      expect(stored.passwordCiphertext).toBeUndefined();
      expect(await filesContaining(harness.userData, FORBIDDEN)).toEqual([]);
      expect(await readFile(harness.logFile, 'utf8')).toContain('No secure keychain');

      resetElectronStub();
      safeStorageRecord.backend = backend;
      const next = await startHarness({ userData: harness.userData });
      expect(next.engine.starts).toHaveLength(0);
      expect(windowRecord.created.map((w) => w.loadedUrls[0])).toEqual(['app://o2g/settings.html']);
      const again = (await invokeIpc('settings:get', undefined)) as SettingsView;
      expect(again.hasPassword).toBe(false);
      expect(again.settings.gateway.server).toBe('o2g.example.com');
    },
  );

  it('stores nothing where encryption is unavailable at all', async () => {
    safeStorageRecord.available = false;
    harness = await startHarness({ platform: 'win32' });
    await configureAndConnect();
    await harness.shell.quit();
    const stored = JSON.parse(await readFile(join(harness.userData, 'settings.json'), 'utf8'));
    expect(stored.passwordCiphertext).toBeUndefined();
    expect(await filesContaining(harness.userData, FORBIDDEN)).toEqual([]);
  });
});
