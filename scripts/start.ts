/**
 * `npm start` (after `npm run build`): starts the desktop app in Electron. The electron package
 * fetches its binary the first time it is asked for it; where that cannot happen (no internet,
 * a proxy, a locked-down machine) this says so in words and names the way forward, instead of
 * leaving the user with the package's stack trace. Plain Node (tsx).
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

function electronBinary(): string | undefined {
  try {
    // In plain Node the electron package exports the path of its binary (downloading it once).
    return require('electron') as string;
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.error(
      [
        '',
        'O2G Presence: the Electron binary is not installed and could not be fetched.',
        `  (${detail})`,
        'What you can do:',
        '  - with internet access, run npm start again: the binary is fetched on first start',
        '  - behind a proxy or with a mirror: set HTTPS_PROXY or ELECTRON_MIRROR, then npm start',
        '  - with an Electron already unpacked somewhere: ELECTRON_OVERRIDE_DIST_PATH=/its/folder',
        '  - or use the same engine without a desktop: node dist/cli/o2g-presence.cjs watch --demo',
        '',
      ].join('\n'),
    );
    return undefined;
  }
}

const binary = electronBinary();
if (binary === undefined) {
  process.exitCode = 1;
} else {
  const app = spawn(binary, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
  app.on('error', (error) => {
    // For example ELECTRON_OVERRIDE_DIST_PATH naming a folder without Electron in it.
    console.error(`O2G Presence: could not start Electron at ${binary}: ${error.message}`);
    process.exitCode = 1;
  });
  app.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}
