/**
 * Pure pieces the views rely on: number grouping, caller labels, durations and the UI language.
 */
import { describe, expect, it } from 'vitest';
import { callBackNumber, callerName } from '../../renderer/caller/caller-text.js';
import { phoneRegionOrDefault, readableNumber } from '../../renderer/caller/phone-number.js';
import { resolveUiLanguage, uiLanguageFromLocale } from '../../renderer/i18n/language.js';
import { createI18n } from '../../renderer/i18n/setup.js';
import { formatDuration } from '../../renderer/presence/use-now.js';
import { caller } from './fixtures.js';

describe('readable number', () => {
  it.each([
    ['0240123456', 'FR', '02 40 12 34 56'],
    ['+33298765432', 'FR', '02 98 76 54 32'],
    ['+442079460958', 'FR', '+44 20 7946 0958'],
    ['02079460958', 'GB', '020 7946 0958'],
  ] as const)('groups %s (region %s) as %s', (given, region, readable) => {
    expect(readableNumber(given, region)).toBe(readable);
  });

  it.each(['19140', '', '0240<script>1</script>', '+41 22 555 01 99', 'not a number'])(
    'gives no grouping for %j (internal, invalid, or already grouped)',
    (given) => {
      expect(readableNumber(given, 'FR')).toBeNull();
    },
  );

  it('accepts a known region and falls back to FR otherwise', () => {
    expect(phoneRegionOrDefault('gb')).toBe('GB');
    expect(phoneRegionOrDefault('ZZ')).toBe('FR');
    expect(phoneRegionOrDefault(null)).toBe('FR');
  });
});

describe('caller text', () => {
  const { t } = createI18n('en');
  it('uses the localised label for withheld and unknown callers', () => {
    expect(callerName(caller({ anonymous: true, name: 'Anonymous', number: null }), t)).toBe(
      'Withheld number',
    );
    expect(callerName(caller({ unknown: true, name: 'x', number: null }), t)).toBe(
      'Unknown caller',
    );
    expect(callerName(caller({ name: '  ' }), t)).toBe('0240123456');
  });

  it('offers no call-back number for a withheld or number-less caller', () => {
    expect(callBackNumber(caller({ anonymous: true, number: '0240123456' }))).toBeNull();
    expect(callBackNumber(caller({ number: '  ' }))).toBeNull();
    expect(callBackNumber(caller({ number: '+41 22 555 01 99' }))).toBe('+41 22 555 01 99');
  });
});

describe('durations and language', () => {
  it.each([
    [0, '0:00'],
    [7_900, '0:07'],
    [765_000, '12:45'],
    [3_723_000, '1:02:03'],
    [-5_000, '0:00'],
  ])('formats %i ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('follows the system language unless the setting names one', () => {
    expect(uiLanguageFromLocale('fr-CA')).toBe('fr');
    expect(uiLanguageFromLocale('de-DE')).toBe('en');
    expect(resolveUiLanguage('system', 'fr-FR')).toBe('fr');
    expect(resolveUiLanguage('en', 'fr-FR')).toBe('en');
    expect(resolveUiLanguage('fr', 'en-US')).toBe('fr');
  });
});
