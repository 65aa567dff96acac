/**
 * `npm run screenshots`: builds the renderer, drives it in the system's headless Chromium with
 * the real engine and simulator, writes every screenshot to test-output/screenshots/ (git-ignored)
 * and refreshes the ones the README shows in docs/screenshots/. Runs in plain Node (tsx).
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  buildRenderer,
  removeBuild,
  REPO_ROOT,
  TEST_OUTPUT,
} from '../test/browser/renderer-site.js';
import { captureScreenshots } from '../test/browser/screenshot-flow.js';

/** The README shows the English pair in both themes and the French pair in the light theme. */
const README_IMAGES = [
  'dashboard-en-light.png',
  'popup-en-light.png',
  'dashboard-en-dark.png',
  'popup-en-dark.png',
  'dashboard-fr-light.png',
  'popup-fr-light.png',
];

async function main(): Promise<void> {
  const started = performance.now();
  const built = await buildRenderer();
  const written = await captureScreenshots(built, join(TEST_OUTPUT, 'screenshots')).finally(() =>
    removeBuild(built),
  );

  const docs = join(REPO_ROOT, 'docs/screenshots');
  await mkdir(docs, { recursive: true });
  for (const name of README_IMAGES) {
    const source = written.find((file) => basename(file) === name);
    if (!source) throw new Error(`The screenshot flow did not produce ${name}.`);
    await copyFile(source, join(docs, name));
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `screenshots: ${written.length} in test-output/screenshots/, ${README_IMAGES.length} copied to docs/screenshots/ (${seconds} s)`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
