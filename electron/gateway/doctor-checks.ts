/**
 * The doctor's check list and its fix hints (plain Node), plus the first-event probe: open the
 * event stream and wait for any line, the way the engine would.
 */
import type { Dispatcher } from 'undici';
import { GatewayError } from './errors.js';
import { WrongCredentialsError } from './login.js';
import { SubscriptionRefusedError } from './subscription.js';
import { readEventStream } from './event-stream.js';
import { silentLoggerFactory } from './log.js';

export const CHECKS = {
  config: 'Configuration',
  dns: 'Address resolves',
  'rest-port': 'REST port reachable',
  tls: 'TLS certificate trusted',
  discovery: 'Discovery (/api/rest)',
  authentication: 'Authentication',
  session: 'Session and licensed services',
  subscription: 'Event subscription accepted',
  'event-port': 'Event port reachable',
  'first-event': 'First event received',
  'round-trip': 'Round-trip time',
} as const;

export type CheckId = keyof typeof CHECKS;

const HINTS: Record<CheckId, string> = {
  config: 'Fix the server address, login or password in the settings.',
  dns: 'Check the spelling of the address, your DNS or VPN connection.',
  'rest-port': 'Check the port, the VPN and any firewall between this computer and the gateway.',
  tls: 'Add the company CA file (PEM) that signed the gateway certificate.',
  discovery: 'The address answers but is not an O2G gateway, or a proxy is in the way.',
  authentication: 'Check the login and password; the gateway refused them.',
  session: 'Ask the administrator for the TELEPHONY_ADVANCED licence of this user.',
  subscription: 'The gateway refused the event subscription: check the user licence.',
  'event-port':
    'Ask IT to open the event port (often 8014 for http, 8016 for https) from desktops to the gateway.',
  'first-event': 'The event port answers but sends nothing; a proxy may be buffering the stream.',
  'round-trip': 'The gateway answers slowly; calls may show late.',
};

export function hintFor(id: CheckId, error?: unknown): string {
  if (error instanceof WrongCredentialsError) return 'Wrong login or password: check both.';
  if (error instanceof SubscriptionRefusedError) return HINTS.subscription;
  if (error instanceof GatewayError && error.kind === 'tls') return HINTS.tls;
  if (error instanceof GatewayError && error.kind === 'http' && error.status === 407) {
    return 'The proxy wants credentials: put them in the proxy URL.';
  }
  return HINTS[id];
}

/** Opens the stream and resolves with the first event's name; rejects after `timeoutMs`. */
export async function firstEvent(
  dispatcher: Dispatcher,
  url: string,
  timeoutMs: number,
): Promise<string> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new Error('no event')), timeoutMs);
  let first: string | undefined;
  try {
    await readEventStream({
      dispatcher,
      url,
      signal: abort.signal,
      now: Date.now,
      log: silentLoggerFactory('doctor'),
      onEvent: (event) => {
        first ??= event.eventName;
        abort.abort(new Error('got one'));
      },
    });
  } catch (error) {
    if (first === undefined && abort.signal.aborted) {
      throw new GatewayError('timeout', `no event within ${Math.round(timeoutMs / 1000)} s`);
    }
    if (first === undefined) throw error;
  } finally {
    clearTimeout(timer);
  }
  if (first === undefined) throw new GatewayError('protocol', 'the stream ended without any event');
  return `${first} after opening`;
}
