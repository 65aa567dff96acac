/**
 * Main process: the user's settings on disk, through electron-store (main process only). The
 * file is checked by settings-file.ts before the store opens it, the store validates every write
 * against a JSON Schema generated from the zod schema in shared/settings, the file is readable
 * by its owner only (0600), and the password lives here only as keychain ciphertext.
 */
import { chmod, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ElectronStore from 'electron-store';
import { z } from 'zod';
import type { Settings } from '../../../shared/settings/schema.js';
import { DEFAULT_SETTINGS, settingsSchema } from '../../../shared/settings/schema.js';
import type { Logger } from '../../gateway/log.js';
import type { StoredExtras } from './settings-file.js';
import { clearTemporaryPath, inspectSettingsFile, moveAside } from './settings-file.js';

export const SETTINGS_FILE_NAME = 'settings.json';

type SettingsDocument = Settings & StoredExtras;

const documentSchema = settingsSchema.extend({ passwordCiphertext: z.string().optional() });

/** electron-store takes the top-level properties and the root apart. */
function storeSchemas(): { properties: never; root: Record<string, unknown> } {
  const {
    properties,
    $schema: _ignored,
    ...root
  } = z.toJSONSchema(documentSchema, {
    target: 'draft-07',
  }) as Record<string, unknown>;
  return { properties: properties as never, root };
}

export interface SettingsRecovery {
  readonly backupPath: string;
  readonly problem: string;
}

export class SettingsStore {
  private lastGood: Settings;

  constructor(private readonly store: ElectronStore<SettingsDocument>) {
    this.lastGood = this.readValidated() ?? DEFAULT_SETTINGS;
  }

  get path(): string {
    return this.store.path;
  }

  /** Validated on every read; a file edited into nonsense while we run keeps the last good one. */
  read(): Settings {
    this.lastGood = this.readValidated() ?? this.lastGood;
    return this.lastGood;
  }

  write(settings: Settings): void {
    const next = settingsSchema.parse(settings);
    const ciphertext = this.passwordCiphertext();
    this.store.store = ciphertext ? { ...next, passwordCiphertext: ciphertext } : next;
    this.lastGood = next;
  }

  passwordCiphertext(): string | undefined {
    try {
      const value = this.store.get('passwordCiphertext');
      return typeof value === 'string' ? value : undefined;
    } catch {
      return undefined;
    }
  }

  setPasswordCiphertext(ciphertext: string | null): void {
    if (ciphertext === null) this.store.delete('passwordCiphertext');
    else this.store.set('passwordCiphertext', ciphertext);
  }

  private readValidated(): Settings | null {
    try {
      const parsed = settingsSchema.safeParse(this.store.store);
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
}

/**
 * Replaces the settings file atomically (temporary file, then rename). Whatever blocks the
 * temporary name is moved aside; should the atomic write still fail, the file is written in
 * place, because start-up must never fail on the state of the settings folder.
 */
async function writeNormalised(
  path: string,
  text: string,
  options: { now: () => Date; log: Logger },
): Promise<void> {
  const temporary = `${path}.tmp`;
  try {
    const movedTo = await clearTemporaryPath(temporary, options.now());
    if (movedTo !== null) {
      options.log.warn(
        'Something other than a file was in the way of settings.json.tmp; kept aside',
        {
          backup: movedTo,
        },
      );
    }
    await writeFile(temporary, text, { mode: 0o600 });
    await rename(temporary, path);
  } catch (error) {
    options.log.warn('Could not replace the settings file atomically; writing it in place', {
      problem: (error as Error).message,
    });
    await writeFile(path, text, { mode: 0o600 });
  }
}

/**
 * Opens the settings in `dir`. A file that cannot be used is moved aside first and reported in
 * `recovered`; the store then starts from defaults (or from `initial` when given, e.g. an
 * administrator's presets). The next start finds a clean file.
 */
export async function openSettingsStore(options: {
  dir: string;
  now: () => Date;
  log: Logger;
  initial?: Settings;
}): Promise<{ store: SettingsStore; recovered: SettingsRecovery | null }> {
  const path = join(options.dir, SETTINGS_FILE_NAME);
  const state = await inspectSettingsFile(path);

  let recovered: SettingsRecovery | null = null;
  if (state.kind === 'corrupt') {
    const backupPath = await moveAside(path, options.now());
    recovered = { backupPath, problem: state.problem };
    options.log.warn('Settings file unusable; kept a backup and started with defaults', {
      problem: state.problem,
      backup: backupPath,
    });
  }

  // The store refuses to open a file its schema rejects (older layout, stray keys), so a
  // usable file is written back in its normalised form first, atomically.
  if (state.kind === 'usable') {
    const normalised = JSON.stringify({ ...state.settings, ...state.extras }, null, '\t');
    await writeNormalised(path, normalised, options);
    if (state.upgraded) options.log.info('Settings upgraded to the current schema');
    if (state.droppedCiphertext) {
      // The rewrite above leaves it out; without this line the user would never learn why the
      // password that used to be remembered is asked for.
      options.log.warn(
        'The stored password in the settings file was unreadable (not base64) ' +
          'and was removed; it will be asked again',
      );
    }
  }

  const { properties, root } = storeSchemas();
  const initial = options.initial ?? DEFAULT_SETTINGS;
  const electronStore = new ElectronStore<SettingsDocument>({
    cwd: options.dir,
    name: 'settings',
    schema: properties,
    rootSchema: root,
    defaults: initial,
    clearInvalidConfig: false,
    configFileMode: 0o600,
  });

  if (state.kind !== 'usable') electronStore.store = initial;
  if (process.platform !== 'win32') await chmod(electronStore.path, 0o600).catch(() => undefined);

  return { store: new SettingsStore(electronStore), recovered };
}
