/**
 * Everything one gateway session needs before events can flow (plain Node): login and session
 * (login.ts), its service URLs, the user's own record, and the state re-read after each stream
 * opens (protocol §12). Also the polite goodbye: delete the subscription, close the session.
 */
import type { AccessMode } from '../../shared/settings/schema.js';
import type { GatewayAddress } from './config.js';
import { GatewayError } from './errors.js';
import type { GatewayHttp } from './http.js';
import type { Logger } from './log.js';
import { openSession } from './login.js';
import type { Credentials, OpenedSession } from './login.js';
import { resolveServices } from './services.js';
import type { ServiceUrls } from './services.js';

export interface EstablishedSession {
  readonly opened: OpenedSession;
  readonly services: ServiceUrls;
  /** The O2G login events and REST paths are about (the session's, else the configured one). */
  readonly login: string;
  /** `GET {users}/{login}` as the gateway answered, or null when it could not be read. */
  readonly userRecord: unknown;
}

export interface SessionRequest {
  readonly address: GatewayAddress;
  readonly accessMode: AccessMode;
  readonly credentials: Credentials;
  readonly applicationName: string;
}

export async function establishSession(
  http: GatewayHttp,
  request: SessionRequest,
  signal: AbortSignal,
  log: Logger,
): Promise<EstablishedSession> {
  const opened = await openSession(
    http,
    request.address,
    request.accessMode,
    request.credentials,
    request.applicationName,
    signal,
  );
  const services = resolveServices(opened.info, opened.reach);
  const login = opened.info.login ?? request.credentials.login;
  log.info('session opened', {
    reach: opened.reach,
    timeToLive: opened.info.timeToLiveSeconds,
    services: [...services.byName.keys()].join(','),
  });

  let userRecord: unknown = null;
  if (services.users) {
    try {
      const user = await http.call('GET', `${services.users}/${encodeURIComponent(login)}`, {
        signal,
      });
      userRecord = user.json ?? null;
    } catch (error) {
      if (error instanceof GatewayError && error.kind === 'aborted') throw error;
      // The user's names are a nicety; presence works without them.
      log.warn('could not read the user record', { error: String(error) });
    }
  }
  return { opened, services, login, userRecord };
}

/** The state re-read after a stream opens; a missing service leaves its part undefined. */
export interface StateSnapshot {
  readonly telephony?: unknown;
  readonly counters?: unknown;
  readonly routing?: unknown;
}

export async function readState(
  http: GatewayHttp,
  services: ServiceUrls,
  signal: AbortSignal,
): Promise<StateSnapshot> {
  const read = async (url: string | undefined) =>
    url === undefined ? undefined : (await http.call('GET', url, { signal })).json;
  const [telephony, counters, routing] = await Promise.all([
    read(services.telephony && `${services.telephony}/state`),
    read(services.eventSummary),
    read(services.routing && `${services.routing}/state`),
  ]);
  return { telephony, counters, routing };
}

/** DELETE {sessionsUrl}; failures are ignored (it may already be gone). */
export async function closeSession(
  http: GatewayHttp,
  sessionsUrl: string,
  timeoutMs: number,
): Promise<boolean> {
  try {
    const response = await http.send('DELETE', sessionsUrl, { timeoutMs });
    return response.status >= 200 && response.status <= 299;
  } catch {
    return false;
  }
}
