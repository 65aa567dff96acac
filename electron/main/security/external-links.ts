/**
 * Main process: the only way a URL leaves the app for the system browser. A URL is parsed,
 * checked against an allow-list and re-serialised before `shell.openExternal` sees it, so a
 * crafted caller name or CRM template cannot launch a local program or a `file:` URL.
 */
import { numberAfterHost } from '../../../shared/settings/crm-template.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https anywhere; http only to this machine; no user:password@; anything else refused. */
export function allowedExternalUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '') return null;
  if (url.protocol === 'https:' && url.hostname !== '') return url.href;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return url.href;
  return null;
}

/**
 * Fills a CRM template such as `https://crm.example/search?phone={number}` with the caller's
 * number, URL-encoded, and checks the result. The number comes from the phone network, so it may
 * fill only the path, query or fragment: a template that puts it in the host or port (where
 * `.evil.example` would pick the site) is refused. Null when there is no usable URL.
 */
export function crmUrlFor(template: string, number: string | null): string | null {
  if (template.trim() === '' || number === null || number === '') return null;
  if (!numberAfterHost(template)) return null;
  return allowedExternalUrl(template.replaceAll('{number}', encodeURIComponent(number)));
}

export interface ExternalOpener {
  openExternal(url: string): Promise<void>;
}

/** Opens an allow-listed URL; returns false (and opens nothing) for anything else. */
export async function openExternalSafely(shell: ExternalOpener, raw: string): Promise<boolean> {
  const url = allowedExternalUrl(raw);
  if (!url) return false;
  await shell.openExternal(url);
  return true;
}
