/**
 * The event subscription of a session (plain Node): created for `telephony` and `eventSummary`,
 * plus `routingManagement` when the session grants a routing service (protocol §4), and deleted
 * best-effort when we leave. Its id is a secret: it authorises the event stream, so it is never
 * logged.
 */
import { GatewayError } from './errors.js';
import type { GatewayHttp } from './http.js';
import type { Reach } from './login.js';
import type { ServiceUrls } from './services.js';

export interface Subscription {
  readonly id: string;
  readonly pollingUrl: string;
  readonly packages: readonly string[];
}

/** The gateway answered with a status other than ACCEPTED (or a 4xx to the request). */
export class SubscriptionRefusedError extends GatewayError {
  constructor(detail: string, status?: number) {
    super('protocol', `The gateway refused the event subscription: ${detail}`, status);
  }
}

/**
 * Minutes of inactivity after which the gateway may close the channel. 0 would tie it to the
 * session and ask for keep-alive events, but not every gateway honours 0, so we ask for the
 * SDKs' usual 10 and simply reopen the stream when it ends.
 */
const CHANNEL_TIMEOUT_MINUTES = 10;

export function subscriptionPackages(services: ServiceUrls): string[] {
  return ['telephony', 'eventSummary', ...(services.routing ? ['routingManagement'] : [])];
}

export async function createSubscription(
  http: GatewayHttp,
  services: ServiceUrls,
  login: string,
  reach: Reach,
  signal: AbortSignal,
): Promise<Subscription> {
  const packages = subscriptionPackages(services);
  const body = {
    filter: { selectors: packages.map((name) => ({ ids: [login], names: [name] })) },
    version: '1.0',
    timeout: CHANNEL_TIMEOUT_MINUTES,
  };
  const response = await http.send('POST', services.subscriptions, { body, signal });
  const raw = (response.json ?? {}) as Record<string, unknown>;
  const message = typeof raw.message === 'string' && raw.message !== '' ? raw.message : undefined;

  if (response.status === 401 || response.status === 403) {
    // Either the session is gone or the account may not subscribe; the caller checks which.
    throw new GatewayError('http', `Subscribe answered HTTP ${response.status}`, response.status);
  }
  if (response.status < 200 || response.status > 299) {
    if (response.status >= 500) {
      throw new GatewayError('http', `Subscribe answered HTTP ${response.status}`, response.status);
    }
    throw new SubscriptionRefusedError(message ?? `HTTP ${response.status}`, response.status);
  }
  if (raw.status !== 'ACCEPTED') {
    throw new SubscriptionRefusedError(message ?? `status ${String(raw.status ?? 'missing')}`);
  }

  const id = typeof raw.subscriptionId === 'string' ? raw.subscriptionId : '';
  const preferred = reach === 'private' ? raw.privatePollingUrl : raw.publicPollingUrl;
  const other = reach === 'private' ? raw.publicPollingUrl : raw.privatePollingUrl;
  const pollingUrl = typeof preferred === 'string' && preferred !== '' ? preferred : other;
  if (id === '' || typeof pollingUrl !== 'string' || pollingUrl === '') {
    throw new GatewayError(
      'protocol',
      'Subscribe: the gateway gave no subscription id or polling URL.',
    );
  }
  return { id, pollingUrl, packages };
}

/** DELETE {subscriptions}/{id}; failures are ignored (the session may already be gone). */
export async function deleteSubscription(
  http: GatewayHttp,
  services: ServiceUrls,
  subscription: Subscription,
  timeoutMs: number,
): Promise<boolean> {
  const url = `${services.subscriptions}/${encodeURIComponent(subscription.id)}`;
  try {
    const response = await http.send('DELETE', url, { timeoutMs });
    return response.status >= 200 && response.status <= 299;
  } catch {
    return false;
  }
}
