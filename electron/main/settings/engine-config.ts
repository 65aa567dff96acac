/**
 * Main process: turns the effective settings and the password into the engine's EngineConfig.
 * CA files are read here (the engine takes PEM text); a missing piece is named so the shell can
 * open the settings window with the right field to fill.
 */
import type { Settings } from '../../../shared/settings/schema.js';
import type { EngineConfig } from '../../gateway/types.js';

export const APPLICATION_NAME = 'O2G Presence';

export type EngineConfigResult =
  | { readonly ok: true; readonly config: EngineConfig }
  | {
      readonly ok: false;
      readonly missing: 'server' | 'login' | 'password' | 'ca-file';
      readonly message: string;
    };

export async function buildEngineConfig(
  settings: Settings,
  password: string | null,
  readCaFile: (path: string) => Promise<string>,
): Promise<EngineConfigResult> {
  const { gateway } = settings;
  if (gateway.server === '') {
    return { ok: false, missing: 'server', message: 'No gateway address is configured.' };
  }
  if (gateway.login === '')
    return { ok: false, missing: 'login', message: 'No login is configured.' };
  if (password === null || password === '') {
    return { ok: false, missing: 'password', message: 'The password is needed to connect.' };
  }

  const caPems: string[] = [];
  for (const file of gateway.caFiles) {
    try {
      caPems.push(await readCaFile(file));
    } catch {
      return { ok: false, missing: 'ca-file', message: `The CA file ${file} cannot be read.` };
    }
  }

  return {
    ok: true,
    config: {
      server: gateway.server,
      login: gateway.login,
      password,
      accessMode: gateway.accessMode,
      caPems,
      ...(gateway.proxy !== '' ? { proxy: gateway.proxy } : {}),
      applicationName: APPLICATION_NAME,
    },
  };
}
