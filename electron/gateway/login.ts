/**
 * Getting a session from the gateway (plain Node): discovery (protocol §2.1), Basic
 * authentication that leaves the AlcUserId cookie in the jar (§2.2), and opening the session
 * (§3.1). In auto mode the private (internal) URLs are tried first, then the public ones.
 */
import type { AccessMode } from '../../shared/settings/schema.js';
import { ensureHttps } from './config.js';
import type { GatewayAddress } from './config.js';
import { GatewayError } from './errors.js';
import type { GatewayHttp } from './http.js';
import { readSessionInfo } from './services.js';
import type { SessionInfo } from './services.js';

export type Reach = 'private' | 'public';

export interface Credentials {
  readonly login: string;
  readonly password: string;
}

/** Authentication answered 401: wrong login or password. Never retried by the engine. */
export class WrongCredentialsError extends GatewayError {
  constructor() {
    super('http', 'The gateway refused the login or password (HTTP 401).', 401);
  }
}

export interface UrlPair {
  readonly internalUrl?: string;
  readonly publicUrl?: string;
}

function readUrlPair(json: unknown, what: string): UrlPair {
  if (!json || typeof json !== 'object') {
    throw new GatewayError('protocol', `${what}: the gateway answered no JSON document.`);
  }
  const raw = json as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  return { internalUrl: text(raw.internalUrl), publicUrl: text(raw.publicUrl) };
}

/** GET {origin}/api/rest: the authentication URLs of API version 1.0 (or the CURRENT one). */
export async function discover(
  http: GatewayHttp,
  address: GatewayAddress,
  signal: AbortSignal,
): Promise<UrlPair> {
  const { json } = await http.call('GET', address.discoveryUrl, { signal });
  const versions = (json as { versions?: unknown } | undefined)?.versions;
  if (!Array.isArray(versions) || versions.length === 0) {
    throw new GatewayError('protocol', 'Discovery: the gateway lists no API version.');
  }
  const entries = versions as Record<string, unknown>[];
  const chosen = entries.find((v) => v.id === '1.0') ?? entries.find((v) => v.status === 'CURRENT');
  if (!chosen) throw new GatewayError('protocol', 'Discovery: API version 1.0 is not offered.');
  return readUrlPair(chosen, 'Discovery');
}

/** The URLs to try, in order, for an access mode. */
export function reachOrder(mode: AccessMode, urls: UrlPair): { reach: Reach; url: string }[] {
  const privateTry = urls.internalUrl ? [{ reach: 'private' as const, url: urls.internalUrl }] : [];
  const publicTry = urls.publicUrl ? [{ reach: 'public' as const, url: urls.publicUrl }] : [];
  if (mode === 'private') return privateTry;
  if (mode === 'public') return publicTry;
  const both = [...privateTry, ...publicTry];
  return both.filter((entry, i) => both.findIndex((e) => e.url === entry.url) === i);
}

export interface OpenedSession {
  readonly reach: Reach;
  readonly sessionsUrl: string;
  readonly info: SessionInfo;
}

/** GET the authentication URL with Basic credentials; the AlcUserId cookie lands in the jar. */
export async function authenticateAt(
  http: GatewayHttp,
  address: GatewayAddress,
  url: string,
  credentials: Credentials,
  signal: AbortSignal,
): Promise<UrlPair> {
  const auth = await http.send('GET', ensureHttps(url, address.secure), {
    basicAuth: credentials,
    signal,
  });
  if (auth.status === 401) throw new WrongCredentialsError();
  if (auth.status < 200 || auth.status > 299) {
    throw new GatewayError('http', `Authentication answered HTTP ${auth.status}`, auth.status);
  }
  return readUrlPair(auth.json, 'Authentication');
}

/** POST the sessions URL for our reach (or the only one given). */
export async function postSession(
  http: GatewayHttp,
  address: GatewayAddress,
  reach: Reach,
  sessions: UrlPair,
  applicationName: string,
  signal: AbortSignal,
): Promise<OpenedSession> {
  const chosen = reach === 'private' ? sessions.internalUrl : sessions.publicUrl;
  const url = chosen ?? sessions.internalUrl ?? sessions.publicUrl;
  if (!url) throw new GatewayError('protocol', 'Authentication: the gateway gave no sessions URL.');
  const sessionsUrl = ensureHttps(url, address.secure);
  const opened = await http.call('POST', sessionsUrl, { body: { applicationName }, signal });
  return { reach, sessionsUrl, info: readSessionInfo(opened.json) };
}

/** Authenticates then opens a session; in auto mode falls back to public when private fails. */
export async function openSession(
  http: GatewayHttp,
  address: GatewayAddress,
  mode: AccessMode,
  credentials: Credentials,
  applicationName: string,
  signal: AbortSignal,
): Promise<OpenedSession> {
  const authUrls = reachOrder(mode, await discover(http, address, signal));
  if (authUrls.length === 0) {
    throw new GatewayError('protocol', `Discovery offers no ${mode} authentication URL.`);
  }

  let lastError: unknown;
  for (const { reach, url } of authUrls) {
    try {
      const sessions = await authenticateAt(http, address, url, credentials, signal);
      return await postSession(http, address, reach, sessions, applicationName, signal);
    } catch (error) {
      // Only an unreachable private address is a reason to try the public one.
      const unreachable =
        error instanceof GatewayError && ['network', 'timeout'].includes(error.kind);
      if (!unreachable) throw error;
      lastError = error;
    }
  }
  throw lastError;
}
