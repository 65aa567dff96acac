/**
 * Main process: reads the settings file before the store opens it, and decides whether it can
 * be used. An empty, truncated, binary or wrong-shaped file is renamed to a dated backup
 * (`settings.json.corrupt-YYYYMMDD-HHMMSS`) so the app starts with defaults and the user's bytes
 * are still there for support to look at.
 */
import { lstat, readFile, rename, stat } from 'node:fs/promises';
import type { Settings } from '../../../shared/settings/schema.js';
import { upgradeSettings } from '../../../shared/settings/upgrade.js';

/** What the file holds besides the settings: the keychain ciphertext of the password. */
export interface StoredExtras {
  readonly passwordCiphertext?: string;
}

export type SettingsFileState =
  | { readonly kind: 'missing' }
  | {
      readonly kind: 'usable';
      readonly settings: Settings;
      readonly extras: StoredExtras;
      /** True when the file was of an older schema and must be written back upgraded. */
      readonly upgraded: boolean;
      /** True when a stored password was there but unreadable (not base64) and was left out. */
      readonly droppedCiphertext: boolean;
    }
  | { readonly kind: 'corrupt'; readonly problem: string };

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export function inspectSettingsText(fileText: string): SettingsFileState {
  // A file hand-edited in Notepad starts with a byte order mark, which JSON.parse rejects; the
  // settings in it are the user's and must not be reset for that.
  const text = fileText.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { kind: 'corrupt', problem: 'the file is empty' };
  if (text.includes('\0')) return { kind: 'corrupt', problem: 'the file holds binary data' };

  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { kind: 'corrupt', problem: 'the file is not valid JSON (truncated?)' };
  }

  let extras: StoredExtras = {};
  let droppedCiphertext = false;
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    const { passwordCiphertext, ...rest } = raw as Record<string, unknown>;
    if (typeof passwordCiphertext === 'string' && BASE64.test(passwordCiphertext)) {
      extras = { passwordCiphertext };
    } else {
      droppedCiphertext = passwordCiphertext !== undefined;
    }
    raw = rest;
  }

  const result = upgradeSettings(raw);
  if (!result.ok) return { kind: 'corrupt', problem: result.problem };
  return {
    kind: 'usable',
    settings: result.settings,
    extras,
    upgraded: result.fromVersion !== 1,
    droppedCiphertext,
  };
}

export async function inspectSettingsFile(path: string): Promise<SettingsFileState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'corrupt', problem: `the file cannot be read (${(error as Error).message})` };
  }
  return inspectSettingsText(text);
}

function stamp(now: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}`;
  return `${date}-${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Renames the file to its dated backup name (never overwriting an earlier backup). */
export async function moveAside(path: string, now: Date): Promise<string> {
  const base = `${path}.corrupt-${stamp(now)}`;
  let target = base;
  for (let n = 1; await exists(target); n += 1) target = `${base}-${n}`;
  await rename(path, target);
  return target;
}

/**
 * Makes way for the temporary file of an atomic write. A leftover file there is simply
 * overwritten, but anything else (a directory or link left by a crashed tool or a sync client)
 * would fail every start, so it is moved aside like a corrupt file. Returns where it went, or
 * null when nothing was in the way.
 */
export async function clearTemporaryPath(path: string, now: Date): Promise<string | null> {
  try {
    if ((await lstat(path)).isFile()) return null;
  } catch {
    return null;
  }
  return moveAside(path, now);
}
