/**
 * The connection's part of the presence model. Pure code; the engine reports every change.
 *
 * While not online nothing the phone shows can be vouched for: alerts close ('ended') and the
 * tray shows offline. The call table is kept through retries so that ages carry over; the
 * engine re-reads the telephony snapshot before it reports online again, so on that transition
 * every call that rings is alerted afresh. When the engine stops or gives up (wrong password)
 * the phone state is forgotten so nothing stale survives into the next connection.
 */
import { closeAllAlerts, syncAlert } from './alerts.js';
import type { PresenceState } from './state.js';
import type { ConnectionState } from './types.js';

const FORGETS_PHONE_STATE = new Set<ConnectionState['status']>(['stopped', 'wrong-credentials']);

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
  if (connection.status === 'online') {
    if (current.status !== 'online') {
      // The alert's age is the call's: it was ringing when we (re)learnt about it.
      for (const call of next.calls.values()) next = syncAlert(next, call.callRef, call.since);
    }
    return next;
  }

  next = closeAllAlerts(next, 'ended');
  if (FORGETS_PHONE_STATE.has(connection.status)) {
    next = { ...next, calls: new Map(), userState: null, userStateSeq: next.seq };
  }
  return next;
}
