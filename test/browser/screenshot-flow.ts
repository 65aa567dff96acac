/**
 * The screenshots of the dashboard and the call popup (plus the settings window, for review), in
 * light and dark, English and French,
 * taken from the built renderer driven by the REAL engine and simulator (Node side). Shared by
 * the browser suite and `npm run screenshots`.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startWorld } from './harness.js';

export const SCHEMES = ['light', 'dark'] as const;
export const LANGUAGES = { en: 'en-US', fr: 'fr-FR' } as const;
export type ScreenshotLanguage = keyof typeof LANGUAGES;

async function shoot(page: Page, file: string, scheme: (typeof SCHEMES)[number], fullPage = false) {
  await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
  // Let the theme's transitions settle so the picture is stable.
  await page.waitForTimeout(200);
  await page.screenshot({ path: file, animations: 'disabled', fullPage });
}

/**
 * For each language, a world whose Chromium runs in that locale (the UI follows the system
 * language): a waiting counter, an external call ringing in the popup, then answered.
 */
export async function captureScreenshots(builtRenderer: string, outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];

  for (const [language, locale] of Object.entries(LANGUAGES)) {
    const world = await startWorld({ builtRenderer, browser: { locale } });
    try {
      await world.sim.setCounters('oxe19141', { missedCallsNb: 2, voiceMessagesNb: 1 });
      const callRef = await world.sim.placeCall(
        { number: '+33298765432', name: { firstName: 'Hélène', lastName: 'Le Bihan' } },
        'oxe19141',
      );
      await world.waitForView(
        (view) => view.alerts.length === 1 && view.counters.missedCalls === 2,
        'ringing',
      );

      const popup = await world.openPopup(callRef);
      await popup.locator('.popup-number-grouped').waitFor();
      for (const scheme of SCHEMES) {
        const file = join(outDir, `popup-${language}-${scheme}.png`);
        await shoot(popup, file, scheme);
        written.push(file);
      }
      await popup.close();

      await world.engine.answer(callRef);
      const dashboard = await world.openDashboard();
      await dashboard.locator('.tray-busy').waitFor();
      await dashboard
        .locator('.call-state', { hasText: language === 'fr' ? 'En communication' : 'In call' })
        .waitFor();
      for (const scheme of SCHEMES) {
        const file = join(outDir, `dashboard-${language}-${scheme}.png`);
        await shoot(dashboard, file, scheme);
        written.push(file);
      }
      await dashboard.close();

      // The settings window after a connection test, for reviewing the form's look as well.
      const settings = await world.openSettings();
      await settings.locator('#password').fill('Viola-19141');
      await settings
        .locator('.form-actions .button:not(.button-primary):not(.button-quiet)')
        .click();
      await settings.locator('.doctor-check.check-ok').last().waitFor();
      await settings.locator('.form-actions .button:not(:disabled)').first().waitFor();
      for (const scheme of SCHEMES) {
        const file = join(outDir, `settings-${language}-${scheme}.png`);
        await shoot(settings, file, scheme, true);
        written.push(file);
      }
      await settings.close();
    } finally {
      await world.close();
    }
  }
  return written;
}
