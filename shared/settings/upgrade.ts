/**
 * Pure (runs anywhere; used by the main process when it reads the settings file): brings a
 * settings object of any earlier `schemaVersion` up to the current one, one step per version,
 * then validates it. A file that is not an object, has a value of the wrong type, or comes from
 * a newer version of the app is reported, never half-loaded.
 */
import { z } from 'zod';
import type { Settings } from './schema.js';
import { DEFAULT_SETTINGS, SETTINGS_SCHEMA_VERSION, settingsSchema } from './schema.js';

export type UpgradeResult =
  | { readonly ok: true; readonly settings: Settings; readonly fromVersion: number }
  | { readonly ok: false; readonly problem: string };

type RawSettings = Record<string, unknown>;

/**
 * Version 0: files without `schemaVersion` (hand-written by an administrator or by builds from
 * before versioning) used one flat object. Every key is optional, but a key that is present must
 * have the right type: `{"server": 42}` is a broken file, not an empty one.
 */
const flatV0Schema = z
  .object({
    server: z.string(),
    login: z.string(),
    accessMode: z.enum(['auto', 'private', 'public']),
    caFiles: z.array(z.string()),
    proxy: z.string(),
    popups: z.boolean(),
    notifications: z.boolean(),
    autoDismissSeconds: z.number(),
    crmUrlTemplate: z.string(),
    startAtLogin: z.boolean(),
    language: z.enum(['system', 'en', 'fr']),
    demoMode: z.boolean(),
  })
  .partial()
  .strict();

function fromFlatV0(raw: RawSettings): RawSettings {
  const flat = flatV0Schema.parse(raw);
  const { gateway, alerts } = DEFAULT_SETTINGS;
  return {
    schemaVersion: 1,
    gateway: {
      server: flat.server ?? gateway.server,
      login: flat.login ?? gateway.login,
      accessMode: flat.accessMode ?? gateway.accessMode,
      caFiles: flat.caFiles ?? gateway.caFiles,
      proxy: flat.proxy ?? gateway.proxy,
    },
    alerts: {
      popups: flat.popups ?? alerts.popups,
      notifications: flat.notifications ?? alerts.notifications,
      autoDismissSeconds: flat.autoDismissSeconds ?? alerts.autoDismissSeconds,
      crmUrlTemplate: flat.crmUrlTemplate ?? alerts.crmUrlTemplate,
    },
    startAtLogin: flat.startAtLogin ?? DEFAULT_SETTINGS.startAtLogin,
    language: flat.language ?? DEFAULT_SETTINGS.language,
    demoMode: flat.demoMode ?? DEFAULT_SETTINGS.demoMode,
  };
}

/** upgrades[n] turns a version-n object into a version-(n+1) object. */
const upgrades: ReadonlyArray<(raw: RawSettings) => RawSettings> = [fromFlatV0];

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'wrong shape';
  const where = issue.path.length > 0 ? issue.path.join('.') : 'the file';
  return `${where}: ${issue.message}`;
}

export function upgradeSettings(raw: unknown): UpgradeResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, problem: 'the file does not hold a settings object' };
  }

  const declared = (raw as RawSettings).schemaVersion;
  const fromVersion = declared === undefined ? 0 : declared;
  if (typeof fromVersion !== 'number' || !Number.isInteger(fromVersion) || fromVersion < 0) {
    return { ok: false, problem: 'schemaVersion is not a version number' };
  }
  if (fromVersion > SETTINGS_SCHEMA_VERSION) {
    return { ok: false, problem: `written by a newer version (schema ${fromVersion})` };
  }

  let current = raw as RawSettings;
  try {
    for (let version = fromVersion; version < SETTINGS_SCHEMA_VERSION; version += 1) {
      const step = upgrades[version];
      if (!step) return { ok: false, problem: `no upgrade from schema ${version}` };
      current = step(current);
    }
  } catch (error) {
    return {
      ok: false,
      problem: error instanceof z.ZodError ? describeIssue(error) : 'the upgrade failed',
    };
  }

  const parsed = settingsSchema.safeParse(current);
  if (!parsed.success) return { ok: false, problem: describeIssue(parsed.error) };
  return { ok: true, settings: parsed.data, fromVersion };
}
