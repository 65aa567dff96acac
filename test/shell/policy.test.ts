// The administrator's policy file: presets and locks for server, access mode and CA files.
// Precedence: locked policy > user settings > policy defaults > built-in defaults. A broken
// file is reported and ignored.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  applyPolicy,
  loadPolicy,
  lockedFieldErrors,
  NO_POLICY,
  policyFilePath,
} from '../../electron/main/settings/policy.js';
import type { SettingsView } from '../../shared/ipc/channels.js';
import type { Settings } from '../../shared/settings/schema.js';
import { DEFAULT_SETTINGS } from '../../shared/settings/schema.js';
import { invokeIpc, resetElectronStub } from '../electron-stub/index.js';
import { removeProfile, startHarness } from './shell-harness.js';

let dir: string;
beforeEach(async () => {
  resetElectronStub();
  dir = await mkdtemp(join(tmpdir(), 'o2g-policy-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

async function policyFile(content: unknown): Promise<string> {
  const path = join(dir, 'policy.json');
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function userWith(gateway: Partial<Settings['gateway']>): Settings {
  return { ...DEFAULT_SETTINGS, gateway: { ...DEFAULT_SETTINGS.gateway, ...gateway } };
}

describe('policy file location', () => {
  it('is system-wide on each platform', () => {
    expect(policyFilePath('win32', { ProgramData: 'D:\\ProgramData' })).toBe(
      'D:\\ProgramData\\O2G Presence\\policy.json',
    );
    expect(policyFilePath('win32', {})).toBe('C:\\ProgramData\\O2G Presence\\policy.json');
    expect(policyFilePath('darwin', {})).toBe(
      '/Library/Application Support/O2G Presence/policy.json',
    );
    expect(policyFilePath('linux', {})).toBe('/etc/o2g-presence/policy.json');
  });
});

describe('precedence', () => {
  const policy = {
    server: 'o2g.corp.example',
    accessMode: 'private' as const,
    caFiles: ['/etc/ssl/corp-ca.pem'],
    lock: [],
  };

  it('policy defaults fill what the user has not set (built-in defaults below them)', () => {
    const effective = applyPolicy(DEFAULT_SETTINGS, policy);
    expect(effective.gateway).toMatchObject({
      server: 'o2g.corp.example',
      accessMode: 'private',
      caFiles: ['/etc/ssl/corp-ca.pem'],
      proxy: '',
    });
  });

  it('the user setting beats a policy default', () => {
    const user = userWith({
      server: 'o2g.branch.example',
      accessMode: 'public',
      caFiles: ['/home/u/ca.pem'],
    });
    expect(applyPolicy(user, policy).gateway).toMatchObject({
      server: 'o2g.branch.example',
      accessMode: 'public',
      caFiles: ['/home/u/ca.pem'],
    });
  });

  it('a locked policy value beats the user setting', () => {
    const user = userWith({ server: 'o2g.branch.example', accessMode: 'public' });
    const locked = { ...policy, lock: ['server', 'accessMode'] as Array<'server' | 'accessMode'> };
    expect(applyPolicy(user, locked).gateway).toMatchObject({
      server: 'o2g.corp.example',
      accessMode: 'private',
    });
    expect(lockedFieldErrors(user, locked)).toEqual({
      'gateway.server': expect.stringContaining('administrator'),
      'gateway.accessMode': expect.stringContaining('administrator'),
    });
    expect(lockedFieldErrors(applyPolicy(user, locked), locked)).toEqual({});
  });

  it('no policy changes nothing', () => {
    const user = userWith({ server: 'x' });
    expect(applyPolicy(user, NO_POLICY)).toEqual(user);
  });
});

describe('loading', () => {
  it('reads a valid file', async () => {
    const path = await policyFile({ server: 'o2g.corp.example', lock: ['server'] });
    expect(await loadPolicy(path)).toEqual({
      policy: { server: 'o2g.corp.example', lock: ['server'] },
      problem: null,
    });
  });

  it('reads a file saved with a UTF-8 byte order mark (Windows Notepad)', async () => {
    const path = await policyFile(`\uFEFF${JSON.stringify({ server: 'o2g.corp.example' })}`);
    expect(await loadPolicy(path)).toEqual({
      policy: { server: 'o2g.corp.example', lock: [] },
      problem: null,
    });
  });

  it('a missing file is no policy and no problem', async () => {
    expect(await loadPolicy(join(dir, 'absent.json'))).toEqual({
      policy: NO_POLICY,
      problem: null,
    });
  });

  it.each([
    ['not JSON', '{"server": "o2g', /not valid JSON/],
    ['a wrong type', { server: 42 }, /server/],
    ['an unknown key', { sever: 'typo.example' }, /sever|Unrecognized/i],
    ['a lock without a value', { lock: ['caFiles'] }, /"caFiles" is locked but has no value/],
    ['an unknown locked field', { server: 'x', lock: ['password'] }, /lock/],
  ])('%s is reported and ignored', async (_name, content, problem) => {
    const result = await loadPolicy(await policyFile(content));
    expect(result.policy).toEqual(NO_POLICY);
    expect(result.problem).toMatch(problem);
  });
});

describe('in the running shell', () => {
  it('the settings window sees the effective values and the locked fields; a locked change is refused', async () => {
    const path = await policyFile({
      server: 'o2g.corp.example',
      accessMode: 'private',
      lock: ['server'],
    });
    const harness = await startHarness({ policyFile: path });
    const view = (await invokeIpc('settings:get', undefined)) as SettingsView;
    expect(view.locked).toEqual(['server']);
    expect(view.settings.gateway).toMatchObject({
      server: 'o2g.corp.example',
      accessMode: 'private',
    });

    const changed = userWith({ server: 'elsewhere.example' });
    const refused = await invokeIpc('settings:save', { settings: changed });
    expect(refused).toEqual({ ok: false, errors: { 'gateway.server': expect.any(String) } });

    const kept = { ...view.settings, gateway: { ...view.settings.gateway, login: 'oxe31001' } };
    expect(await invokeIpc('settings:save', { settings: kept })).toEqual({ ok: true });
    await removeProfile(harness.userData);
  });

  it('a broken policy file is logged and the app starts without it', async () => {
    const path = await policyFile('[[[');
    const harness = await startHarness({ policyFile: path });
    const view = (await invokeIpc('settings:get', undefined)) as SettingsView;
    expect(view.locked).toEqual([]);
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(harness.logFile, 'utf8')).toContain('Administrator policy file ignored');
    await removeProfile(harness.userData);
  });
});
