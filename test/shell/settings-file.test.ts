// F10: an empty, truncated, binary or wrong-shaped settings file never stops the app; it is kept
// as a dated backup, the app starts with defaults and the next start is clean.
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appRecord, emitReady, resetElectronStub } from '../electron-stub/index.js';
import { openSettingsStore } from '../../electron/main/settings/settings-store.js';
import { DEFAULT_SETTINGS } from '../../shared/settings/schema.js';
import { recordingLog } from './recording-log.js';

let dir: string;
const now = (): Date => new Date(2026, 11, 3, 18, 5, 9);

beforeEach(async () => {
  resetElectronStub();
  dir = await mkdtemp(join(tmpdir(), 'o2g-settings-'));
  appRecord.paths.set('userData', dir);
  emitReady();
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const BROKEN: ReadonlyArray<[string, string | Buffer]> = [
  ['0 bytes', ''],
  ['truncated JSON', '{"schemaVersion":1,"gateway":{"server":"o2g.exa'],
  ['4096 NUL bytes', Buffer.alloc(4096, 0)],
  ['a JSON array', '[]'],
  ['a wrong-typed value', '{"server":42}'],
  ['a newer schema', '{"schemaVersion":7}'],
];

describe('F10: settings file empty or corrupt at start-up', () => {
  it.each(BROKEN)(
    '%s: starts with defaults, keeps a dated backup, next start is clean',
    async (_name, bytes) => {
      const file = join(dir, 'settings.json');
      await writeFile(file, bytes);
      const { log, lines } = recordingLog();

      const first = await openSettingsStore({ dir, now, log });

      expect(first.store.read()).toEqual(DEFAULT_SETTINGS);
      expect(first.recovered?.backupPath).toBe(`${file}.corrupt-20261203-180509`);
      expect(await readFile(first.recovered!.backupPath)).toEqual(Buffer.from(bytes));
      expect(lines.some((l) => l.level === 'warn' && l.msg.includes('backup'))).toBe(true);

      const second = await openSettingsStore({ dir, now, log });
      expect(second.recovered).toBeNull();
      expect(second.store.read()).toEqual(DEFAULT_SETTINGS);
      const backups = (await readdir(dir)).filter((name) => name.includes('.corrupt-'));
      expect(backups).toHaveLength(1);
    },
  );

  it('never overwrites an earlier backup of the same second', async () => {
    const file = join(dir, 'settings.json');
    await writeFile(file, '');
    await openSettingsStore({ dir, now, log: recordingLog().log });
    await writeFile(file, '[]');
    const again = await openSettingsStore({ dir, now, log: recordingLog().log });
    expect(again.recovered?.backupPath).toBe(`${file}.corrupt-20261203-180509-1`);
  });

  it('writes the file with mode 0600 and keeps what the user saved', async () => {
    const { store } = await openSettingsStore({ dir, now, log: recordingLog().log });
    const saved = {
      ...DEFAULT_SETTINGS,
      gateway: { ...DEFAULT_SETTINGS.gateway, server: 'o2g.example.com', login: 'oxe31001' },
    };
    store.write(saved);

    const mode = (await stat(join(dir, 'settings.json'))).mode & 0o777;
    expect(mode).toBe(0o600);
    const reopened = await openSettingsStore({ dir, now, log: recordingLog().log });
    expect(reopened.store.read()).toEqual(saved);
  });

  it('upgrades an unversioned flat file and writes it back at the current schema', async () => {
    await writeFile(join(dir, 'settings.json'), '{"server":"o2g.example.com","popups":false}');
    const { store, recovered } = await openSettingsStore({ dir, now, log: recordingLog().log });
    expect(recovered).toBeNull();
    expect(store.read().gateway.server).toBe('o2g.example.com');
    expect(store.read().alerts.popups).toBe(false);
    const onDisk = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'));
    expect(onDisk.schemaVersion).toBe(1);
  });

  it('D5: keeps a file saved with a UTF-8 byte order mark (Windows Notepad)', async () => {
    const file = join(dir, 'settings.json');
    const saved = {
      ...DEFAULT_SETTINGS,
      gateway: { ...DEFAULT_SETTINGS.gateway, server: 'o2g.example.com', login: 'oxe31001' },
    };
    await writeFile(file, `\uFEFF${JSON.stringify(saved, null, 2)}`);
    const { store, recovered } = await openSettingsStore({ dir, now, log: recordingLog().log });

    expect(recovered).toBeNull();
    expect(store.read()).toEqual(saved);
    expect((await readdir(dir)).filter((name) => name.includes('.corrupt-'))).toEqual([]);
  });

  it('D6: a leftover settings.json.tmp directory is moved aside, start-up goes on', async () => {
    const file = join(dir, 'settings.json');
    await writeFile(file, '{"server":"o2g.example.com"}');
    await mkdir(`${file}.tmp`);
    await writeFile(join(`${file}.tmp`, 'stray'), 'left by a crashed tool');
    const { log, lines } = recordingLog();

    const { store, recovered } = await openSettingsStore({ dir, now, log });

    expect(recovered).toBeNull();
    expect(store.read().gateway.server).toBe('o2g.example.com');
    const kept = `${file}.tmp.corrupt-20261203-180509`;
    expect(await readFile(join(kept, 'stray'), 'utf8')).toBe('left by a crashed tool');
    expect(lines.some((l) => l.level === 'warn' && l.msg.includes('settings.json.tmp'))).toBe(true);
    const again = await openSettingsStore({ dir, now, log: recordingLog().log });
    expect(again.store.read().gateway.server).toBe('o2g.example.com');
  });

  it('a stored password that is not base64 is dropped visibly: a warning, and it is asked again', async () => {
    const file = join(dir, 'settings.json');
    const saved = {
      ...DEFAULT_SETTINGS,
      gateway: { ...DEFAULT_SETTINGS.gateway, server: 'o2g.example.com' },
    };
    await writeFile(file, JSON.stringify({ ...saved, passwordCiphertext: 'not base64 %%' }));
    const { log, lines } = recordingLog();

    const { store, recovered } = await openSettingsStore({ dir, now, log });

    expect(recovered).toBeNull();
    expect(store.read()).toEqual(saved);
    expect(store.passwordCiphertext()).toBeUndefined();
    const warning = lines.find((l) => l.level === 'warn' && /stored password/i.test(l.msg));
    expect(warning?.msg).toMatch(/asked again/);
    expect(JSON.stringify(lines)).not.toContain('base64 %%');
  });

  it('rejects an out-of-schema write without touching the file', async () => {
    const { store } = await openSettingsStore({ dir, now, log: recordingLog().log });
    const before = await readFile(join(dir, 'settings.json'), 'utf8');
    const bad = {
      ...DEFAULT_SETTINGS,
      alerts: { ...DEFAULT_SETTINGS.alerts, autoDismissSeconds: -5 },
    };
    expect(() => store.write(bad)).toThrow();
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).toBe(before);
  });
});
