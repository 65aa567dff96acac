/**
 * How the connection's state is put to the user (plain Node): which ConnectionStatus a failure
 * means and the words of its reason. One place, so the tray, the terminal and the doctor agree.
 */
import type { ConnectionState } from '../../shared/presence/types.js';
import { PLAIN_HTTP_CODE } from './errors.js';
import type { GatewayError } from './errors.js';
import { eventPort } from './event-stream.js';

/** Where a failure happened: REST (login, subscribe, resync) or the event stream. */
export type FailurePhase = 'rest' | 'stream';

export const STATUS_WORDS: Readonly<Record<ConnectionState['status'], string>> = {
  stopped: 'Stopped',
  connecting: 'Connecting',
  online: 'Online',
  reconnecting: 'Reconnecting',
  'wrong-credentials': 'Wrong login or password',
  'certificate-untrusted': 'Certificate not trusted',
  unreachable: 'Gateway unreachable',
  'event-port-unreachable': 'Event port unreachable',
};

/** The reason of a lost session, worded for the person behind the tray icon. */
export const SESSION_ENDED = 'session ended by the gateway; signing in again';

/** The reason of a silent stream, for people. */
export function silenceReason(silentMs: number): string {
  return `no news from the gateway for ${Math.round(silentMs / 1000)} s`;
}

/**
 * The reason for a failure as a person reads it (tray tooltip, dashboard, terminal): short, in
 * words, no codes beyond an HTTP status in brackets, no secrets. The log keeps technicalReason().
 */
export function failureReason(error: GatewayError, phase: FailurePhase, url?: string): string {
  if (error.kind === 'tls')
    return `certificate not trusted (${error.code ?? 'verification failed'})`;
  // Already a full sentence naming the address to use instead.
  if (error.code === PLAIN_HTTP_CODE) return error.message.replace(/^[^:]*:\s*/, '');
  if (error.kind === 'http' && error.status !== undefined) return httpWords(error.status, phase);
  if (error.kind === 'timeout')
    return phase === 'stream'
      ? 'event stream did not answer in time'
      : 'gateway did not answer in time';
  if (error.kind === 'network') return networkWords(error.code, phase, url);
  return error.message;
}

function httpWords(status: number, phase: FailurePhase): string {
  // A stream refused with these means its subscription (and so the session) is gone.
  if (status === 401 || status === 403 || (status === 404 && phase === 'stream')) {
    return SESSION_ENDED;
  }
  if (status === 407) return 'the proxy asks for credentials (HTTP 407)';
  if (status === 503) return 'gateway busy (HTTP 503)';
  if (status >= 500) return `gateway error (HTTP ${status})`;
  return `gateway refused the request (HTTP ${status})`;
}

function networkWords(code: string | undefined, phase: FailurePhase, url?: string): string {
  const where = phase === 'stream' && url ? `event port ${eventPort(url)}` : 'gateway';
  switch (code) {
    case 'ECONNREFUSED':
      return `${where} refused the connection`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'gateway address does not resolve (check the name, DNS or VPN)';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${where} cannot be reached from this network`;
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `${where} did not answer`;
    default:
      // Reset, cut short, closed: the line was up and went away.
      return 'connection to the gateway lost';
  }
}

/** The same failure in technical words (HTTP status, socket code), for log lines only. */
export function technicalReason(error: GatewayError, phase: FailurePhase, url?: string): string {
  if (error.kind === 'tls')
    return `certificate not trusted (${error.code ?? 'verification failed'})`;
  if (error.kind === 'http' && error.status !== undefined) {
    const where = phase === 'stream' ? 'event stream' : 'gateway';
    return `${where} answered HTTP ${error.status}`;
  }
  if (error.kind === 'timeout')
    return phase === 'stream' ? 'event stream timed out' : 'gateway did not answer in time';
  if (error.kind === 'network') {
    const port = phase === 'stream' && url ? ` (port ${eventPort(url)})` : '';
    const what = phase === 'stream' ? `event stream${port}` : 'gateway';
    return `${what}: ${error.message.replace(/^[^:]*:\s*/, '')}`;
  }
  return error.message;
}

/** True when the event port refuses or cannot be reached at all (as opposed to a cut stream). */
export function isConnectFailure(error: GatewayError): boolean {
  return (
    error.kind === 'network' &&
    [
      'ECONNREFUSED',
      'EHOSTUNREACH',
      'ENETUNREACH',
      'UND_ERR_CONNECT_TIMEOUT',
      'ENOTFOUND',
    ].includes(error.code ?? '')
  );
}

/**
 * The status to show while waiting for the next attempt after a failure. `everOnline` tells a
 * first connection (where "unreachable" is the honest word) from a recovery.
 */
export function failureStatus(
  error: GatewayError,
  phase: FailurePhase,
  everOnline: boolean,
  nextAttemptAt: number,
  url?: string,
): ConnectionState {
  const reason = failureReason(error, phase, url);
  if (error.kind === 'tls') return { status: 'certificate-untrusted', reason, nextAttemptAt };
  if (phase === 'stream' && isConnectFailure(error)) {
    return { status: 'event-port-unreachable', reason, nextAttemptAt };
  }
  if (phase === 'rest' && !everOnline && (error.kind === 'network' || error.kind === 'timeout')) {
    return { status: 'unreachable', reason, nextAttemptAt };
  }
  return { status: 'reconnecting', reason, nextAttemptAt };
}
