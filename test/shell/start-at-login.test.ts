// Start at login: a login item on Windows and macOS, an XDG autostart entry on Linux; the
// --autostart flag (or macOS's own flag) starts the app hidden in the tray.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  desktopEntry,
  launchedAtLogin,
  StartAtLogin,
} from '../../electron/main/system/start-at-login.js';
import { app, appRecord, resetElectronStub } from '../electron-stub/index.js';

let dir: string;
beforeEach(async () => {
  resetElectronStub();
  dir = await mkdtemp(join(tmpdir(), 'o2g-autostart-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const command = { executable: '/opt/O2G Presence/o2g-presence', args: [] };

describe('start at login', () => {
  it.each(['win32', 'darwin'] as const)(
    '%s: a login item that passes --autostart',
    async (platform) => {
      const login = new StartAtLogin({ platform, app, autostartDir: dir, command });
      await login.set(true);
      expect(appRecord.loginItems.at(-1)).toEqual({
        openAtLogin: true,
        path: command.executable,
        args: ['--autostart'],
      });
      expect(await login.isOn()).toBe(true);
      await login.set(false);
      expect(await login.isOn()).toBe(false);
    },
  );

  it('linux: writes and removes ~/.config/autostart/o2g-presence.desktop', async () => {
    const autostart = join(dir, 'autostart');
    const login = new StartAtLogin({ platform: 'linux', app, autostartDir: autostart, command });
    expect(await login.isOn()).toBe(false);
    await login.set(true);
    const entry = await readFile(join(autostart, 'o2g-presence.desktop'), 'utf8');
    expect(entry).toContain('[Desktop Entry]');
    expect(entry).toContain('Type=Application');
    expect(entry).toContain('Exec="/opt/O2G Presence/o2g-presence" --autostart');
    expect((await stat(join(autostart, 'o2g-presence.desktop'))).mode & 0o777).toBe(0o644);
    expect(await login.isOn()).toBe(true);
    expect(appRecord.loginItems).toEqual([]);

    await login.set(false);
    expect(await login.isOn()).toBe(false);
    await login.set(false); // removing twice is harmless
  });

  it('quotes Exec arguments as the Desktop Entry spec asks', () => {
    const entry = desktopEntry({ executable: '/usr/bin/electron', args: ['/home/a "b"/$app'] });
    // The key file doubles each backslash of the Exec quoting (spec: "\\$" for a literal $).
    expect(entry).toContain('Exec=/usr/bin/electron "/home/a \\\\"b\\\\"/\\\\$app" --autostart');
  });

  it('recognises a launch at login', () => {
    expect(launchedAtLogin(['exe', '--autostart'], 'linux', app)).toBe(true);
    expect(launchedAtLogin(['exe'], 'linux', app)).toBe(false);
    expect(
      launchedAtLogin(['exe'], 'darwin', {
        getLoginItemSettings: () => ({ wasOpenedAtLogin: true }) as never,
      }),
    ).toBe(true);
  });
});
