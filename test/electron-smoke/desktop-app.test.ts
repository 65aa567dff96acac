// Smoke test of the real desktop app (electron-smoke project): launches the built app with
// Playwright's Electron driver when an Electron binary is installed. Where it is not (this
// machine: ELECTRON_SKIP_BINARY_DOWNLOAD, no network for the binary), the suite is skipped and
// says why.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ElectronApplication as ElectronApp } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const appRoot = fileURLToPath(new URL('../..', import.meta.url));
const electronPackage = join(appRoot, 'node_modules', 'electron');

/** The binary electron's own launcher would run, or why there is none. */
function findElectron(): { path: string } | { missing: string } {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const path = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron');
    return existsSync(path) ? { path } : { missing: `${path} does not exist` };
  }
  const pathFile = join(electronPackage, 'path.txt');
  if (!existsSync(pathFile)) return { missing: `${pathFile} is missing (download skipped)` };
  const path = join(electronPackage, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(path) ? { path } : { missing: `${path} does not exist` };
}

const electron = findElectron();
if ('missing' in electron) {
  console.log(
    `Electron binary not installed here: ${electron.missing}; the desktop smoke suite is skipped.`,
  );
}

describe.skipIf('missing' in electron)('desktop app (real Electron)', () => {
  let app: ElectronApp;
  let userData: string;

  const launch = async (): Promise<ElectronApp> => {
    const { _electron } = await import('playwright-core');
    return _electron.launch({
      executablePath: (electron as { path: string }).path,
      args: [appRoot, `--user-data-dir=${userData}`],
      env: { ...process.env, XDG_CONFIG_HOME: join(userData, 'config') },
    });
  };

  beforeAll(async () => {
    if (!existsSync(join(appRoot, 'dist', 'main', 'main.cjs'))) {
      throw new Error('dist/main/main.cjs is missing: run `npm run build` before the smoke suite');
    }
    userData = await mkdtemp(join(tmpdir(), 'o2g-smoke-'));
    app = await launch();
  });

  afterAll(async () => {
    await app?.close();
    if (userData) await rm(userData, { recursive: true, force: true });
  });

  it('first start opens the settings page from app:// in a sandboxed renderer with window.o2g', async () => {
    const page = await app.firstWindow();
    expect(page.url()).toBe('app://o2g/settings.html');
    const surface = await page.evaluate(() => ({
      bridge: Object.keys((window as unknown as { o2g: object }).o2g).sort(),
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
    }));
    expect(surface).toEqual({
      bridge: ['on', 'request'],
      require: 'undefined',
      process: 'undefined',
    });
  });

  it('every window runs with context isolation and the sandbox', async () => {
    const preferences = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((w) =>
        // Not in electron.d.ts any more, still present at run time.
        (w.webContents as unknown as { getLastWebPreferences(): object }).getLastWebPreferences(),
      ),
    );
    expect(preferences.length).toBeGreaterThan(0);
    for (const prefs of preferences) {
      expect(prefs).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
      });
    }
  });

  it('the demo connects and the presence view comes through the bridge', async () => {
    const page = await app.firstWindow();
    const started = await page.evaluate(() =>
      (
        window as unknown as { o2g: { request(c: string, p?: unknown): Promise<unknown> } }
      ).o2g.request('demo:start', undefined),
    );
    expect(started).toEqual({ ok: true });
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const o2g = (
              window as unknown as {
                o2g: {
                  request(c: string, p?: unknown): Promise<{ connection: { status: string } }>;
                };
              }
            ).o2g;
            return (await o2g.request('presence:get', undefined)).connection.status;
          }),
        { timeout: 20_000 },
      )
      .toBe('online');
  });

  it('F12: a second launch exits at once and leaves one client', async () => {
    const { spawnSync } = await import('node:child_process');
    const second = spawnSync(
      (electron as { path: string }).path,
      [appRoot, `--user-data-dir=${userData}`],
      {
        timeout: 15_000,
      },
    );
    expect(second.status).toBe(0);
    expect(
      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length),
    ).toBeGreaterThan(0);
  });
});
