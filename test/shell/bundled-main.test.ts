// The main process as the build ships it: bundled to CommonJS by esbuild (electron external),
// loaded by plain Node with `electron` resolved to this stub. Proves the bundle starts, wires
// the real gateway engine to the built-in demo simulator (loopback), shows it in the tray and
// quits cleanly; and that the preload bundle needs nothing but `electron`.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build, type BuildOptions } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_CHANNELS } from '../../shared/ipc/channels.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
let out: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'o2g-bundle-'));
  const common: BuildOptions = {
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    logLevel: 'error',
    absWorkingDir: root,
    external: ['electron'],
  };
  await build({
    ...common,
    entryPoints: ['electron/main/main.ts'],
    outfile: join(out, 'app', 'dist', 'main', 'main.cjs'),
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  await build({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: join(out, 'preload.cjs'),
  });
  await build({
    ...common,
    external: [],
    entryPoints: ['test/electron-stub/index.ts'],
    outfile: join(out, 'node_modules', 'electron', 'stub.cjs'),
  });
  // Electron's main-process module has no ipcRenderer or contextBridge.
  await mkdir(join(out, 'node_modules', 'electron'), { recursive: true });
  await writeFile(
    join(out, 'node_modules', 'electron', 'index.js'),
    "module.exports = { ...require('./stub.cjs'), ipcRenderer: undefined, contextBridge: undefined };\n",
  );
  // Run from inside `out`, so `electron` resolves to the stub and never to the real package
  // (whose launcher would try to download the binary).
  await copyFile(join(root, 'test/shell/fixtures/run-bundled-main.mjs'), join(out, 'run.mjs'));
});
afterAll(async () => rm(out, { recursive: true, force: true }));

describe('bundled main process', () => {
  it('starts, opens the settings on first run, runs the demo into the tray, and quits', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(out, 'run.mjs'), join(out, 'app/dist/main/main.cjs')],
      { cwd: out, env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, timeout: 60_000 },
    );
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(report.firstWindows).toEqual(['app://o2g/settings.html']);
    // Exactly the channel map: no library's own channel, which nothing would check the sender of.
    expect([...report.handlers].sort()).toEqual([...REQUEST_CHANNELS].sort());
    expect(report.listeners).toEqual([]);
    expect(report.demo).toEqual({ ok: true });
    expect(report.online).toBe(true);
    expect(report.quitCalls).toBe(2);
    expect(report.files).toEqual(expect.arrayContaining(['settings.json', 'logs/main.log']));
    if (process.platform !== 'win32') {
      expect(report.modes).toEqual({ 'settings.json': '600', 'logs/main.log': '600' });
    }
  });

  it('the preload bundle requires only electron', async () => {
    const code = await readFile(join(out, 'preload.cjs'), 'utf8');
    const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect([...new Set(required)]).toEqual(['electron']);
  });
});
