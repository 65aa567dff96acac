/**
 * How a caller is named on the tray, in notifications, popups and the dashboard (field reports
 * F8, F9). Pure code. Text is returned as plain characters: front ends must render it as text,
 * never as markup, so nothing here escapes HTML.
 */
import type { Participant } from '../events/common.js';
import type { Alert, CallerDisplay } from './types.js';
import { asRecord, flag, path, text } from './wire.js';

export const WITHHELD_LABEL = 'Withheld number';
export const UNKNOWN_LABEL = 'Unknown caller';

/** Longest name kept in a `CallerDisplay`; the view crosses processes on every change. */
const NAME_LIMIT = 128;
/** Longest notification title: OS notifications truncate silently and unevenly. */
export const TITLE_LIMIT = 64;

export interface CallerOptions {
  /** The user's own numbers, so "via" only appears for group, forwarded or DDI calls. */
  readonly ownNumbers: readonly string[];
  readonly initialCalled?: string;
  /** The call as a whole is anonymous (`callData.anonymous`). */
  readonly anonymous?: boolean;
}

/**
 * Control characters would break a notification's lines and bidi overrides could disguise a
 * name; they become spaces. Everything else (`<`, `&`, quotes, accents, emoji) is kept literally.
 */
function cleanName(value: string): string | undefined {
  const cleaned = value
    .replace(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned === '' ? undefined : cleaned;
}

// Cutting by grapheme keeps emoji and accented letters whole.
const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Cuts text to at most `limit` user-perceived characters, the last one being "…". */
export function capText(value: string, limit: number): string {
  // A string never has more graphemes than UTF-16 code units.
  if (value.length <= limit) return value;
  const graphemes = Array.from(graphemeSegmenter.segment(value), (part) => part.segment);
  if (graphemes.length <= limit) return value;
  return `${graphemes
    .slice(0, limit - 1)
    .join('')
    .trimEnd()}…`;
}

function digits(number: string): string {
  return number.replace(/\D/g, '');
}

/**
 * Whether a dialled number reaches the user: the same digits, or one ends with the other (an
 * extension inside its public DDI number, "31001" in "+33298031001"). At least three digits on
 * each side so that short service codes do not match by accident.
 */
export function isOwnNumber(number: string, ownNumbers: readonly string[]): boolean {
  const called = digits(number);
  if (called.length === 0) return ownNumbers.includes(number);
  return ownNumbers.some((own) => {
    const mine = digits(own);
    if (mine.length < 3 || called.length < 3) return mine === called;
    return mine.endsWith(called) || called.endsWith(mine);
  });
}

/**
 * Names a caller: display name, else first and last name; the number exactly as given; a
 * withheld label for anonymous callers (their number is dropped even if the PBX leaks one); an
 * unknown label when the gateway said nothing.
 */
export function describeCaller(
  participant: Participant | undefined,
  options: CallerOptions,
): CallerDisplay {
  const record = asRecord(participant);
  const identity = asRecord(record?.['identity']);
  const anonymous = options.anonymous === true || flag(record?.['anonymous']) === true;
  const initialCalled = text(options.initialCalled);
  const via =
    initialCalled !== undefined && !isOwnNumber(initialCalled, options.ownNumbers)
      ? initialCalled
      : null;

  if (anonymous) {
    return { name: WITHHELD_LABEL, number: null, via, anonymous: true, unknown: false };
  }

  const number = text(path(identity, 'id', 'phoneNumber')) ?? null;
  const first = text(identity?.['firstName']);
  const last = text(identity?.['lastName']);
  const fullName = [first, last].filter((part) => part !== undefined).join(' ');
  const name = cleanName(text(identity?.['displayName']) ?? fullName) ?? number;

  if (name === null) {
    return { name: UNKNOWN_LABEL, number: null, via, anonymous: false, unknown: true };
  }
  return { name: capText(name, NAME_LIMIT), number, via, anonymous: false, unknown: false };
}

/**
 * Title and body of the desktop notification. The body names the number unless it already is
 * the title, and a "via" line when the call came through another number.
 */
export function notificationText(alert: Alert): { title: string; body: string } {
  const { caller } = alert;
  const title = capText(caller.name, TITLE_LIMIT);
  const lines: string[] = [];
  if (caller.number !== null && caller.number !== caller.name) lines.push(caller.number);
  if (caller.via !== null) lines.push(`via ${caller.via}`);
  return { title, body: lines.join('\n') };
}
