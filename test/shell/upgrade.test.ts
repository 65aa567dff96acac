// Pure settings upgrades (shared/settings/upgrade.ts): one step per schema version, then a
// validation; anything unusable is reported with where the problem is.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_SCHEMA_VERSION } from '../../shared/settings/schema.js';
import { upgradeSettings } from '../../shared/settings/upgrade.js';
import { inspectSettingsText } from '../../electron/main/settings/settings-file.js';

describe('settings upgrades', () => {
  it('a current file passes through unchanged', () => {
    expect(upgradeSettings(DEFAULT_SETTINGS)).toEqual({
      ok: true,
      settings: DEFAULT_SETTINGS,
      fromVersion: SETTINGS_SCHEMA_VERSION,
    });
  });

  it('an unversioned flat file becomes version 1, missing keys from the defaults', () => {
    const result = upgradeSettings({
      server: 'o2g.example.com',
      login: 'oxe31001',
      autoDismissSeconds: 30,
      language: 'fr',
    });
    expect(result).toEqual({
      ok: true,
      fromVersion: 0,
      settings: {
        ...DEFAULT_SETTINGS,
        gateway: { ...DEFAULT_SETTINGS.gateway, server: 'o2g.example.com', login: 'oxe31001' },
        alerts: { ...DEFAULT_SETTINGS.alerts, autoDismissSeconds: 30 },
        language: 'fr',
      },
    });
  });

  it.each([
    [[], /not hold a settings object/],
    [null, /not hold a settings object/],
    ['text', /not hold a settings object/],
    [{ server: 42 }, /server/],
    [{ sever: 'typo' }, /sever|Unrecognized/i],
    [{ schemaVersion: 9 }, /newer version/],
    [{ schemaVersion: -1 }, /not a version number/],
    [{ schemaVersion: '1' }, /not a version number/],
    [
      { ...DEFAULT_SETTINGS, alerts: { ...DEFAULT_SETTINGS.alerts, autoDismissSeconds: 9999 } },
      /alerts\.autoDismissSeconds/,
    ],
    [{ ...DEFAULT_SETTINGS, gateway: 'x' }, /gateway/],
  ])('%j is refused with a reason', (raw, problem) => {
    const result = upgradeSettings(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(problem);
  });

  it('the file reader keeps only a base64 ciphertext beside the settings', () => {
    const good = inspectSettingsText(
      JSON.stringify({ ...DEFAULT_SETTINGS, passwordCiphertext: 'djExAAAA' }),
    );
    expect(good).toMatchObject({
      kind: 'usable',
      extras: { passwordCiphertext: 'djExAAAA' },
      upgraded: false,
    });
    const bad = inspectSettingsText(
      JSON.stringify({ ...DEFAULT_SETTINGS, passwordCiphertext: 'not base64!' }),
    );
    expect(bad).toMatchObject({ kind: 'usable', extras: {}, droppedCiphertext: true });
    expect(good).toMatchObject({ droppedCiphertext: false });
  });
});
