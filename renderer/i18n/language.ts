/**
 * Which UI language to use: the user's setting when it names one, else the system language
 * (`navigator.language` in the renderer). Pure; runs in the renderer and in tests.
 */
import type { LanguageSetting } from '../../shared/settings/schema.js';

export const UI_LANGUAGES = ['en', 'fr'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Maps a BCP 47 tag ("fr-CA", "en-GB", "de") to a language we ship, English as fallback. */
export function uiLanguageFromLocale(locale: string | undefined): UiLanguage {
  const primary = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return UI_LANGUAGES.find((language) => language === primary) ?? 'en';
}

export function resolveUiLanguage(setting: LanguageSetting, systemLocale: string): UiLanguage {
  return setting === 'system' ? uiLanguageFromLocale(systemLocale) : setting;
}
