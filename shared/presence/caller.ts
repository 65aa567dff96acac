/**
 * How a caller is named on the tray, in notifications, popups and the dashboard (field reports
 * F8, F9). Pure code. Text is returned as plain characters: front ends must render it as text,
 * never as markup, so nothing here escapes HTML.
 */
import type { Participant } from '../events/common.js';
import type { Alert, CallerDisplay } from './types.js';
import { asRecord, displayText, flag, numberText, path } from './wire.js';

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

/** Shortest number taken for a public (DDI) number that may end with an extension. */
const PUBLIC_NUMBER_DIGITS = 8;
const EXTENSION_DIGITS = 3;

/**
 * Whether a dialled number reaches the user: the same digits, or a public number that ends with
 * one of the user's numbers ("+33 2 98 03 10 01" for extension "31001", "0298031001" for
 * "+33298031001"; leading zeros and country codes are what differ). Two internal numbers never
 * match by suffix: hunting group "1001" is not extension "31001".
 */
export function isOwnNumber(number: string, ownNumbers: readonly string[]): boolean {
  const called = digits(number);
  if (called.length === 0) return ownNumbers.includes(number);
  return ownNumbers.some((own) => {
    const mine = digits(own);
    if (mine === called) return true;
    const [shorter, longer] = mine.length < called.length ? [mine, called] : [called, mine];
    const tail = shorter.replace(/^0+/, '');
    return (
      longer.length >= PUBLIC_NUMBER_DIGITS &&
      tail.length >= EXTENSION_DIGITS &&
      longer.endsWith(tail)
    );
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
  const initialCalled = numberText(options.initialCalled);
  const via =
    initialCalled !== undefined && !isOwnNumber(initialCalled, options.ownNumbers)
      ? initialCalled
      : null;

  if (anonymous) {
    return { name: WITHHELD_LABEL, number: null, via, anonymous: true, unknown: false };
  }

  // Every string here comes from the gateway and ends up in notifications and on terminals:
  // control and bidi characters are removed (wire.ts); `<`, `&`, quotes, accents and emoji stay.
  const number = numberText(path(identity, 'id', 'phoneNumber')) ?? null;
  const first = displayText(identity?.['firstName']);
  const last = displayText(identity?.['lastName']);
  const fullName = [first, last].filter((part) => part !== undefined).join(' ');
  const name = displayText(identity?.['displayName']) ?? displayText(fullName) ?? number;

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
