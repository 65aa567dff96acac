/**
 * Main process (pure): the language the shell's own words (tray, notifications) are said in.
 * "system" follows the OS locale; the renderer makes the same choice for its pages.
 */
import type { LanguageSetting } from '../../../shared/settings/schema.js';

export type ShellLanguage = 'en' | 'fr';

/** "system" follows the OS locale (e.g. "fr-FR", "fr"); anything not French is English. */
export function resolveLanguage(setting: LanguageSetting, systemLocale: string): ShellLanguage {
  if (setting !== 'system') return setting;
  return systemLocale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
