/**
 * How a caller reads in the UI language: the name, or the localised withheld/unknown label when
 * that is all we know. Pure; the result is always rendered as text, never as markup (F9).
 */
import type { TFunction } from 'i18next';
import type { CallerDisplay } from '../../shared/presence/types.js';

export function callerName(caller: CallerDisplay, t: TFunction): string {
  if (caller.anonymous) return t('caller.withheld');
  if (caller.unknown) return t('caller.unknown');
  // The engine promises a non-empty name; a blank one still must not show as nothing.
  return caller.name.trim() === '' ? (caller.number ?? t('caller.unknown')) : caller.name;
}

/** The number to offer for copying or calling back: none for a withheld caller (F8). */
export function callBackNumber(caller: CallerDisplay): string | null {
  if (caller.anonymous) return null;
  const number = caller.number?.trim();
  return number ? caller.number : null;
}
