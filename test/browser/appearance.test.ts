/**
 * How the built renderer looks in Chromium: the screenshots of dashboard and popup (light and
 * dark, English and French) written to test-output/screenshots, the UI language following the
 * system locale, and WCAG AA contrast of every text in both themes.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { contrastProblems } from './contrast.js';
import { DASHBOARD_SIZE, POPUP_SIZE, startWorld, type BrowserWorld } from './harness.js';
import { buildRenderer, removeBuild, TEST_OUTPUT } from './renderer-site.js';
import { captureScreenshots } from './screenshot-flow.js';

let built: string;

beforeAll(async () => {
  built = await buildRenderer();
});

afterAll(async () => {
  await removeBuild(built);
});

/** Width and height from a PNG's IHDR chunk. */
async function pngSize(file: string) {
  const bytes = await readFile(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('screenshots', () => {
  it('writes dashboard and popup in light and dark, English and French', async () => {
    const outDir = join(TEST_OUTPUT, 'screenshots');
    const files = await captureScreenshots(built, outDir);
    expect(files.map((file) => file.slice(outDir.length + 1)).sort()).toEqual([
      'dashboard-en-dark.png',
      'dashboard-en-light.png',
      'dashboard-fr-dark.png',
      'dashboard-fr-light.png',
      'popup-en-dark.png',
      'popup-en-light.png',
      'popup-fr-dark.png',
      'popup-fr-light.png',
      'settings-en-dark.png',
      'settings-en-light.png',
      'settings-fr-dark.png',
      'settings-fr-light.png',
    ]);
    for (const file of files.filter((name) => !name.includes('settings'))) {
      expect(await pngSize(file)).toEqual(file.includes('popup') ? POPUP_SIZE : DASHBOARD_SIZE);
    }
  });
});

describe('language and contrast', () => {
  let world: BrowserWorld;
  let callRef: string;

  beforeAll(async () => {
    world = await startWorld({ builtRenderer: built, browser: { locale: 'fr-FR' } });
    await world.sim.setCounters('oxe19141', { missedCallsNb: 4, callBackRequestsNb: 1 });
    callRef = await world.sim.placeCall(
      { number: '0240123456', name: { displayName: 'Marc Olivier' } },
      'oxe19141',
    );
    await world.waitForView((view) => view.alerts.length === 1, 'ringing');
  });

  afterAll(async () => {
    await world?.close();
  });

  it('follows the system language (fr-FR) everywhere', async () => {
    const popup = await world.openPopup(callRef);
    await popup.getByRole('button', { name: 'Répondre' }).waitFor();
    expect(await popup.locator('html').getAttribute('lang')).toBe('fr');
    await popup
      .locator('[aria-live]')
      .filter({ hasText: 'Appel entrant de Marc Olivier' })
      .waitFor();
    const dashboard = await world.openDashboard();
    await dashboard.locator('.tray-status', { hasText: 'Sonnerie' }).waitFor();
    expect(await dashboard.getByText('Appels manqués').count()).toBe(1);
    await Promise.all([popup.close(), dashboard.close()]);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`passes WCAG AA contrast in the ${scheme} theme`, async () => {
      const pages: Array<[string, Page]> = [
        ['popup', await world.openPopup(callRef)],
        ['dashboard', await world.openDashboard()],
        ['settings', await world.openSettings()],
      ];
      const settings = pages[2]![1];
      // Show an error message and a hint too, since they have their own colours.
      await settings.getByLabel('Adresse du CRM').fill('http://crm');
      await pages[0]![1].locator('.popup-name').waitFor();
      await pages[1]![1].locator('.counter-waiting').first().waitFor();

      for (const [name, page] of pages) {
        await page.emulateMedia({ colorScheme: scheme });
        const background = await page.evaluate(
          () => getComputedStyle(document.body).backgroundColor,
        );
        expect(background).toBe(scheme === 'dark' ? 'rgb(23, 25, 30)' : 'rgb(255, 255, 255)');
        expect({ name, problems: await contrastProblems(page) }).toEqual({ name, problems: [] });
        await page.close();
      }
    });
  }
});
