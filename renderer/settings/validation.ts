/**
 * Inline validation of the settings form: the shared zod schema (so the form can never accept
 * what main would refuse) refined with the checks that need a specific message. Pure; returns
 * translation keys, worded by the form in the UI language.
 */
import type { z } from 'zod';
import { settingsSchema, type LockedField, type Settings } from '../../shared/settings/schema.js';
import type { en } from '../i18n/en.js';
import { numberAfterHost } from '../../shared/settings/crm-template.js';

export type ErrorKey = keyof typeof en.settings.errors;
export interface FieldError {
  readonly key: ErrorKey;
  readonly max?: number;
  /** Library wording, only for the catch-all `invalid` key. */
  readonly message?: string;
}
/** Keyed by the dotted path of the field: "gateway.server", "alerts.crmUrlTemplate"... */
export type FieldErrors = Readonly<Record<string, FieldError>>;

const formSchema = settingsSchema.superRefine((settings, ctx) => {
  const fail = (path: string[], key: ErrorKey) =>
    ctx.addIssue({ code: 'custom', path, message: key });
  const { gateway, alerts } = settings;

  if (!settings.demoMode) {
    if (gateway.server === '') fail(['gateway', 'server'], 'serverRequired');
    if (gateway.login === '') fail(['gateway', 'login'], 'loginRequired');
  }
  const serverProblem = gateway.server === '' ? null : checkServer(gateway.server);
  if (serverProblem) fail(['gateway', 'server'], serverProblem);
  if (/\s/.test(gateway.login)) fail(['gateway', 'login'], 'loginSpaces');
  if (gateway.proxy !== '' && !isWebUrl(gateway.proxy, ['http:', 'https:'])) {
    fail(['gateway', 'proxy'], 'proxyInvalid');
  }
  const crmProblem = alerts.crmUrlTemplate === '' ? null : checkCrmTemplate(alerts.crmUrlTemplate);
  if (crmProblem) fail(['alerts', 'crmUrlTemplate'], crmProblem);
});

export function validateSettings(settings: Settings, locked: readonly LockedField[]): FieldErrors {
  const result = formSchema.safeParse(settings);
  if (result.success) return {};

  const errors: Record<string, FieldError> = {};
  for (const issue of result.error.issues) {
    const path = fieldPath(issue.path);
    // A locked field comes from the administrator's policy: the user cannot fix it here.
    if (isLockedPath(path, locked) || errors[path]) continue;
    errors[path] = toFieldError(path, issue);
  }
  return errors;
}

function toFieldError(path: string, issue: z.core.$ZodIssue): FieldError {
  if (issue.code === 'custom') return { key: issue.message as ErrorKey };
  if (path === 'alerts.autoDismissSeconds') return { key: 'autoDismissRange' };
  if (issue.code === 'too_big' && typeof issue.maximum === 'number') {
    const max = issue.maximum;
    return path === 'gateway.caFiles' ? { key: 'tooManyCa', max } : { key: 'tooLong', max };
  }
  return { key: 'invalid', message: issue.message };
}

/** host, host:port or http(s) URL; null when usable. */
function checkServer(server: string): ErrorKey | null {
  if (/\s/.test(server)) return 'serverInvalid';
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(server);
  if (hasScheme && !/^https?:\/\//i.test(server)) return 'serverScheme';
  try {
    const url = new URL(hasScheme ? server : `https://${server}`);
    return url.hostname === '' ? 'serverInvalid' : null;
  } catch {
    return 'serverInvalid';
  }
}

function checkCrmTemplate(template: string): ErrorKey | null {
  if (!/^https:\/\//i.test(template)) return 'crmNotHttps';
  if (!template.includes('{number}')) return 'crmNoNumber';
  if (!isWebUrl(template.replaceAll('{number}', '0123456789'), ['https:'])) return 'crmInvalid';
  return numberAfterHost(template) ? null : 'crmNumberInHost';
}

function isWebUrl(text: string, protocols: readonly string[]): boolean {
  try {
    const url = new URL(text);
    return protocols.includes(url.protocol) && url.hostname !== '';
  } catch {
    return false;
  }
}

function fieldPath(path: readonly PropertyKey[]): string {
  // "gateway.caFiles.3" is reported on the list as a whole.
  return path.filter((part) => typeof part === 'string').join('.');
}

const LOCKED_PATHS: Record<LockedField, string> = {
  server: 'gateway.server',
  accessMode: 'gateway.accessMode',
  caFiles: 'gateway.caFiles',
};

export function isLockedPath(path: string, locked: readonly LockedField[]): boolean {
  return locked.some((field) => LOCKED_PATHS[field] === path);
}
