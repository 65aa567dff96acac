/**
 * Finding and launching the system Chromium for the browser tests and the screenshot script
 * (Node side). Playwright's own browser download is never used: the machine's Chromium is found
 * here, or the run fails with the command that installs one.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
] as const;

const INSTALL_HINT =
  'No Chromium found for the browser tests. Install one with `sudo apt-get install chromium` ' +
  '(Debian/Ubuntu), or point O2G_CHROMIUM at a Chromium or Chrome binary.';

/** O2G_CHROMIUM first, then the usual system paths; throws with the install command if none. */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): string {
  const fromEnv = env.O2G_CHROMIUM?.trim();
  if (fromEnv) {
    if (!exists(fromEnv))
      throw new Error(`O2G_CHROMIUM=${fromEnv} does not exist. ${INSTALL_HINT}`);
    return fromEnv;
  }
  const found = CHROMIUM_CANDIDATES.find((path) => exists(path));
  if (!found) throw new Error(`${INSTALL_HINT} Looked in: ${CHROMIUM_CANDIDATES.join(', ')}.`);
  return found;
}

/** Quiet, offline-friendly flags: no sandbox (containers), no GPU, no calls home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface LaunchedBrowser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** A headless Chromium with a fresh profile directory, removed again on close. */
export async function launchChromium(
  options: BrowserContextOptions = {},
): Promise<LaunchedBrowser> {
  const executablePath = findChromium();
  const userDataDir = await mkdtemp(join(tmpdir(), 'o2g-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    // Only loopback is ever used; this keeps a stray request from leaving the machine.
    proxy: { server: 'http://127.0.0.1:9', bypass: '127.0.0.1,localhost' },
    ...options,
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
