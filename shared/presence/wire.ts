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
