/**
 * Packaging check for CI: runs electron-builder offline (`--dir`) against a stand-in Electron
 * distribution, then opens the result and asserts what a user's install must hold: the main
 * bundle, the preload, the renderer pages and the tray icons inside app.asar, no node_modules,
 * and the hardened fuses really flipped in the executable. Plain Node (tsx).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listPackage } from '@electron/asar';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

const root = fileURLToPath(new URL('..', import.meta.url));

/** A stand-in for the Electron binary: just the fuse wire, as real Electron lays it out. */
async function makeElectronDist(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'o2g-electron-dist-'));
  const sentinel = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX');
  // Version 1, nine fuses, in Electron's shipped defaults.
  const wire = Buffer.from([1, 9, ...Buffer.from('101100011')]);
  const binary = Buffer.concat([Buffer.from('stand-in electron binary\n'), sentinel, wire]);
  await writeFile(join(dir, 'electron'), binary, { mode: 0o755 });
  await writeFile(join(dir, 'chrome-sandbox'), '', { mode: 0o755 });
  await mkdir(join(dir, 'resources'));
  await writeFile(join(dir, 'LICENSE'), 'stand-in\n');
  const { version } = JSON.parse(
    await readFile(join(root, 'node_modules/electron/package.json'), 'utf8'),
  ) as { version: string };
  await writeFile(join(dir, 'version'), version);
  return dir;
}

function fail(message: string): never {
  console.error(`package-check: FAILED: ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  const electronDist = await makeElectronDist();
  const output = await mkdtemp(join(tmpdir(), 'o2g-release-'));
  execFileSync(
    'npx',
    [
      'electron-builder',
      '--linux',
      '--dir',
      `-c.electronDist=${electronDist}`,
      `-c.directories.output=${output}`,
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } },
  );

  const unpacked = join(output, 'linux-unpacked');
  const entries = listPackage(join(unpacked, 'resources', 'app.asar'), { isPack: false }).map(
    (entry) => entry.replaceAll('\\', '/'),
  );
  const required = [
    '/package.json',
    '/dist/main/main.cjs',
    '/dist/main/preload.cjs',
    '/dist/renderer/index.html',
    '/dist/renderer/popup.html',
    '/dist/renderer/settings.html',
  ];
  for (const path of required) if (!entries.includes(path)) fail(`app.asar lacks ${path}`);
  const trayIcons = entries.filter((entry) => /^\/assets\/generated\/tray\/.+\.png$/.test(entry));
  for (const state of ['free', 'ringing', 'busy', 'dnd', 'offline', 'unknown']) {
    if (!trayIcons.some((icon) => icon.includes(state))) fail(`no tray icon for ${state}`);
  }
  if (entries.some((entry) => entry.includes('/node_modules/')))
    fail('app.asar ships node_modules');

  const fuses = await getCurrentFuseWire(join(unpacked, 'o2g-presence'));
  const expected: Array<[FuseV1Options, FuseState]> = [
    [FuseV1Options.RunAsNode, FuseState.DISABLE],
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable, FuseState.DISABLE],
    [FuseV1Options.EnableNodeCliInspectArguments, FuseState.DISABLE],
    [FuseV1Options.OnlyLoadAppFromAsar, FuseState.ENABLE],
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation, FuseState.ENABLE],
    [FuseV1Options.GrantFileProtocolExtraPrivileges, FuseState.DISABLE],
  ];
  for (const [fuse, state] of expected) {
    if (fuses[fuse] !== state) fail(`fuse ${FuseV1Options[fuse]} is not ${FuseState[state]}`);
  }

  console.log(
    `package-check: ok: ${entries.length} entries in app.asar, ${trayIcons.length} tray icons, fuses hardened`,
  );
  await rm(output, { recursive: true, force: true });
  await rm(electronDist, { recursive: true, force: true });
}

await main();
