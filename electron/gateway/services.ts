/**
 * The session document (protocol §3.1) and the service URLs it grants (plain Node). Service
 * names are matched case-insensitively and every `/telephony*` entry folds into one telephony
 * service, as all SDKs do; no service path is ever hard-coded.
 */
import { GatewayError } from './errors.js';
import type { Reach } from './login.js';

export interface ServiceEntry {
  readonly serviceName: string;
  readonly relativeUrl: string;
}

export interface SessionInfo {
  /** The real O2G login of the session user (may differ from an external login typed). */
  readonly login: string | undefined;
  readonly timeToLiveSeconds: number;
  readonly publicBaseUrl: string | undefined;
  readonly privateBaseUrl: string | undefined;
  readonly services: readonly ServiceEntry[];
}

export function readSessionInfo(json: unknown): SessionInfo {
  if (!json || typeof json !== 'object') {
    throw new GatewayError('protocol', 'Open session: the gateway answered no session document.');
  }
  const raw = json as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  const services = Array.isArray(raw.services)
    ? raw.services.flatMap((entry: unknown) => {
        const e = entry as Record<string, unknown> | null;
        const serviceName = text(e?.serviceName);
        const relativeUrl = text(e?.relativeUrl);
        return serviceName && relativeUrl ? [{ serviceName, relativeUrl }] : [];
      })
    : [];
  const ttl = Number(raw.timeToLive);
  return {
    login: text(raw.login),
    timeToLiveSeconds: Number.isFinite(ttl) && ttl > 0 ? ttl : 1800,
    publicBaseUrl: text(raw.publicBaseUrl),
    privateBaseUrl: text(raw.privateBaseUrl),
    services,
  };
}

/** The service URLs this session may use, keyed by lower-case service name. */
export interface ServiceUrls {
  readonly base: string;
  readonly byName: ReadonlyMap<string, string>;
  /** Convenience lookups; undefined when the account is not licensed for the service. */
  readonly telephony?: string;
  readonly users?: string;
  readonly routing?: string;
  readonly eventSummary?: string;
  readonly subscriptions: string;
}

export function resolveServices(info: SessionInfo, reach: Reach): ServiceUrls {
  const preferred = reach === 'private' ? info.privateBaseUrl : info.publicBaseUrl;
  const base = (preferred ?? info.privateBaseUrl ?? info.publicBaseUrl)?.replace(/\/+$/, '');
  if (!base) throw new GatewayError('protocol', 'Open session: the gateway gave no base URL.');

  const byName = new Map<string, string>();
  for (const { serviceName, relativeUrl } of info.services) {
    // Tolerate an absolute URL where a relative one is expected: use it as given.
    if (/^https?:\/\//i.test(relativeUrl)) {
      const absolute = relativeUrl.replace(/\/+$/, '');
      const isTelephony = new URL(absolute).pathname.toLowerCase().endsWith('/telephony');
      byName.set(isTelephony ? 'telephony' : serviceName.toLowerCase(), absolute);
      continue;
    }
    const path = relativeUrl.startsWith('/') ? relativeUrl : `/${relativeUrl}`;
    if (path.toLowerCase().startsWith('/telephony')) {
      byName.set('telephony', `${base}/telephony`);
      continue;
    }
    byName.set(serviceName.toLowerCase(), `${base}${path.replace(/\/+$/, '')}`);
  }

  return {
    base,
    byName,
    telephony: byName.get('telephony'),
    users: byName.get('users'),
    routing: byName.get('routing'),
    eventSummary: byName.get('eventsummary'),
    // Protocol §4.1 places subscriptions at {base}/subscriptions when no entry names them.
    subscriptions: byName.get('subscriptions') ?? `${base}/subscriptions`,
  };
}
