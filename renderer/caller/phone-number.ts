/**
 * A readable grouping of a caller's number ("0240123456" -> "02 40 12 34 56") next to the number
 * exactly as the gateway gave it. Pure; uses libphonenumber-js's small metadata so the popup
 * bundle stays light.
 */
import {
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js/min';

export const DEFAULT_PHONE_REGION: CountryCode = 'FR';

/**
 * The grouped form when the number parses as a valid number, else null. National format for
 * numbers of the default region (what people dial there), international format otherwise.
 * Returns null as well when grouping would only repeat the number as given.
 */
export function readableNumber(given: string, region: CountryCode): string | null {
  const parsed = parsePhoneNumberFromString(given, region);
  if (!parsed?.isValid()) return null;

  const readable =
    parsed.country === region ? parsed.formatNational() : parsed.formatInternational();
  return readable === given.trim() ? null : readable;
}

/** A region code from outside (a URL parameter), kept only if the library knows it. */
export function phoneRegionOrDefault(code: string | null | undefined): CountryCode {
  const upper = (code ?? '').toUpperCase();
  return isSupportedCountry(upper) ? upper : DEFAULT_PHONE_REGION;
}
