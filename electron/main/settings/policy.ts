/**
 * Main process: the administrator's policy file, which presets and can lock the gateway address,
 * access mode and CA files so IT can deploy the app preconfigured. Precedence, strongest first:
 * a locked policy value, the user's own setting, a policy default, the built-in default. A
 * broken policy file is reported and ignored; it never stops the app.
 */
import { readFile } from 'node:fs/promises';
import { join, win32 } from 'node:path';
import { z } from 'zod';
import type { LockedField, Settings } from '../../../shared/settings/schema.js';
import {
  accessModeSchema,
  DEFAULT_SETTINGS,
  gatewaySettingsSchema,
  lockedFieldsSchema,
} from '../../../shared/settings/schema.js';

export const policySchema = z
  .object({
    server: gatewaySettingsSchema.shape.server.min(1).optional(),
    accessMode: accessModeSchema.optional(),
    caFiles: gatewaySettingsSchema.shape.caFiles.optional(),
    /** Fields the user may not change; each needs a value in this file. */
    lock: lockedFieldsSchema.default([]),
  })
  .strict()
  .superRefine((policy, context) => {
    for (const field of policy.lock) {
      if (policy[field] === undefined) {
        context.addIssue({ code: 'custom', message: `"${field}" is locked but has no value` });
      }
    }
  });
export type Policy = z.infer<typeof policySchema>;

export const NO_POLICY: Policy = { lock: [] };

/** The system-wide location of policy.json on each platform. */
export function policyFilePath(
  platform: string,
  env: Readonly<Record<string, string | undefined>>,
) {
  if (platform === 'win32') {
    return win32.join(env.ProgramData ?? 'C:\\ProgramData', 'O2G Presence', 'policy.json');
  }
  if (platform === 'darwin') return '/Library/Application Support/O2G Presence/policy.json';
  return join('/etc', 'o2g-presence', 'policy.json');
}

export type PolicyLoad =
  | { readonly policy: Policy; readonly problem: null }
  | { readonly policy: Policy; readonly problem: string };

export async function loadPolicy(path: string): Promise<PolicyLoad> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { policy: NO_POLICY, problem: null };
    return { policy: NO_POLICY, problem: `cannot read ${path}: ${(error as Error).message}` };
  }
  let raw: unknown;
  try {
    // Notepad and PowerShell's Out-File save UTF-8 with a byte order mark; JSON.parse rejects it.
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { policy: NO_POLICY, problem: `${path} is not valid JSON` };
  }
  const parsed = policySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { policy: NO_POLICY, problem: `${path}: ${where}${issue?.message ?? 'wrong shape'}` };
  }
  return { policy: parsed.data, problem: null };
}

/** The user "has not set" a field when it still holds its empty built-in default. */
function userHasSet(field: LockedField, settings: Settings): boolean {
  if (field === 'server') return settings.gateway.server !== '';
  if (field === 'caFiles') return settings.gateway.caFiles.length > 0;
  return settings.gateway.accessMode !== DEFAULT_SETTINGS.gateway.accessMode;
}

/** The settings the app runs with: `user` is what the settings file holds. */
export function applyPolicy(user: Settings, policy: Policy): Settings {
  const gateway = { ...user.gateway };
  for (const field of ['server', 'accessMode', 'caFiles'] as const) {
    const value = policy[field];
    if (value === undefined) continue;
    if (policy.lock.includes(field) || !userHasSet(field, user)) {
      Object.assign(gateway, { [field]: value });
    }
  }
  return { ...user, gateway };
}

/** Errors keyed like the settings form's fields, for a save that changes a locked value. */
export function lockedFieldErrors(next: Settings, policy: Policy): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of policy.lock) {
    const wanted = JSON.stringify(next.gateway[field]);
    if (wanted !== JSON.stringify(policy[field])) {
      errors[`gateway.${field}`] = 'Set by your administrator; it cannot be changed here.';
    }
  }
  return errors;
}
