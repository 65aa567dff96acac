/**
 * The connection's part of the presence model. Pure code; the engine reports every change.
 *
 * While not online nothing the phone shows can be vouched for: alerts close ('ended') and the
 * tray shows offline. Through connecting and reconnecting the call table is kept so that the
 * snapshot after the reconnect can carry ages over; when the engine stops or gives up on an
 * error, the phone state is forgotten so nothing stale survives into the next connection.
 */
import { closeAllAlerts } from './alerts.js';
import type { PresenceState } from './state.js';
import type { ConnectionState } from './types.js';

const KEEPS_PHONE_STATE = new Set<ConnectionState['status']>([
  'online',
  'connecting',
  'reconnecting',
]);

export function setConnection(state: PresenceState, connection: ConnectionState): PresenceState {
  const current = state.connection;
  if (
    current.status === connection.status &&
    current.reason === connection.reason &&
    current.nextAttemptAt === connection.nextAttemptAt
  ) {
    return state;
  }

  let next: PresenceState = { ...state, seq: state.seq + 1, connection };
  if (connection.status !== 'online') next = closeAllAlerts(next, 'ended');
  if (!KEEPS_PHONE_STATE.has(connection.status)) {
    next = { ...next, calls: new Map(), userState: null, userStateSeq: next.seq };
  }
  return next;
}
