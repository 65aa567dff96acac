/**
 * `npm run build`: icons from their SVG sources, the React renderer with Vite, and the main
 * process, the sandboxed preload and the terminal front end bundled by esbuild. Nothing here
 * downloads anything. Runs in plain Node (tsx).
 */
import { chmod, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build as esbuild, type BuildOptions } from 'esbuild';
import { build as viteBuild } from 'vite';
import { NODE_VERSION_GUARD } from '../electron/cli/node-guard.js';
import { buildIcons } from './icons.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;

const nodeBundle: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
  // Some ESM dependencies read import.meta.url; give them a CommonJS equivalent.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

async function buildMain(): Promise<void> {
  await esbuild({
    ...nodeBundle,
    entryPoints: ['electron/main/main.ts'],
    outfile: 'dist/main/main.cjs',
    external: ['electron'],
  });
}

/** The preload runs sandboxed: only `electron` may stay external, everything else is inlined. */
async function buildPreload(): Promise<void> {
  await esbuild({
    ...nodeBundle,
    define: {},
    banner: {},
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist/main/preload.cjs',
    external: ['electron'],
  });
}

async function buildCli(): Promise<void> {
  const outfile = 'dist/cli/o2g-presence.cjs';
  await esbuild({
    ...nodeBundle,
    entryPoints: ['electron/cli/main.ts'],
    outfile,
    // The version guard runs before any bundled module, which an older Node could not load.
    banner: { js: `#!/usr/bin/env node\n${NODE_VERSION_GUARD}\n${nodeBundle.banner?.js ?? ''}` },
  });
  await chmod(`${root}${outfile}`, 0o755);
}

async function buildRenderer(): Promise<void> {
  await viteBuild({ configFile: `${root}renderer/vite.config.ts`, logLevel: 'warn' });
}

async function main(): Promise<void> {
  const started = performance.now();
  await rm(dist, { recursive: true, force: true });
  await buildIcons();
  await Promise.all([buildRenderer(), buildMain(), buildPreload(), buildCli()]);
  console.log(`build: dist/ ready in ${Math.round(performance.now() - started)} ms`);
}

main().catch((error: unknown) => {
  console.error('build failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
