/**
 * Defensive readers for event payloads. The parser checks only the envelope, so nested fields
 * may be missing, null or of the wrong type; the model reads them only through these helpers and
 * never crashes on a surprising shape. Pure code.
 */

export type WireRecord = Readonly<Record<string, unknown>>;

export function asRecord(value: unknown): WireRecord | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as WireRecord)
    : undefined;
}

/** The objects of a list; a missing or non-array value is an empty list. */
export function recordsOf(value: unknown): WireRecord[] {
  if (!Array.isArray(value)) return [];
  const records: WireRecord[] = [];
  for (const item of value) {
    const record = asRecord(item);
    if (record) records.push(record);
  }
  return records;
}

export function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
}

/** A string with visible content, else undefined: null, "", "   " and non-strings are absent. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Line breaks and tabs of every kind: they would split a notification or a terminal line. */
const LINE_BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
/**
 * Controls a terminal or a notification would obey rather than show: C0 (ESC starts sequences
 * that clear the screen, retitle the window or write the clipboard; BEL), DEL, and C1 (U+009B
 * is a one-character CSI). `\p{Cc}` is exactly U+0000-001F and U+007F-009F.
 */
const CONTROLS = /\p{Cc}/gu;
/** Bidi marks, embeddings, overrides and isolates: they can make "moc.knab" read "bank.com". */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A name the gateway supplies (display, first or last name), ready to show: unprintable
 * characters gone, runs of spaces made one. Undefined when nothing visible is left.
 */
export function displayText(value: unknown): string | undefined {
  const raw = text(value);
  if (raw === undefined) return undefined;
  // A control between two words would glue them, so it becomes a space; bidi marks go.
  const cleaned = raw
    .replace(LINE_BREAKS, ' ')
    .replace(CONTROLS, ' ')
    .replace(BIDI, '')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned === '' ? undefined : cleaned;
}

/**
 * A phone number the gateway supplies: unprintable characters gone, every other character kept
 * exactly as given (leading +, spaces, dots). Undefined when nothing visible is left, so a
 * number made only of control characters counts as no number.
 */
export function numberText(value: unknown): string | undefined {
  const raw = text(value);
  if (raw === undefined) return undefined;
  const cleaned = raw.replace(LINE_BREAKS, ' ').replace(CONTROLS, '').replace(BIDI, '').trim();
  return cleaned === '' ? undefined : cleaned;
}

export function flag(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** A counter: non-negative integer, anything else 0 (an absent counter cannot be provided). */
export function count(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
}

/** Reads `record.a.b.c` through any missing or non-object step. */
export function path(record: WireRecord | undefined, ...keys: string[]): unknown {
  let current: unknown = record;
  for (const key of keys) {
    const next = asRecord(current);
    if (!next) return undefined;
    current = next[key];
  }
  return current;
}
