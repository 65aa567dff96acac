/**
 * The connection's part of the presence model. Pure code; the engine reports every change.
 *
 * While not online nothing the phone shows can be vouched for: the tray shows offline at once.
 * An open alert is different: a ringing phone is exactly when a screen is unlocked or a laptop
 * wakes, and closing the popup on every short reconnect would flicker it and ring the
 * notification twice. So alerts survive a retry; the engine re-reads the telephony snapshot
 * before it reports online again, which closes those whose call is gone and opens those that
 * started ringing meanwhile. If the gateway stays out of reach longer than
 * OFFLINE_ALERT_GRACE_MS, the engine calls `expireOfflineAlerts` and they close as
 * 'connection-lost'. When the engine stops or gives up (wrong password) the phone state is
 * forgotten so nothing stale survives into the next connection.
 */
import { closeAllAlerts, syncAlert } from './alerts.js';
import type { PresenceState } from './state.js';
import type { ConnectionState } from './types.js';
import { displayText } from './wire.js';

const FORGETS_PHONE_STATE = new Set<ConnectionState['status']>(['stopped', 'wrong-credentials']);

export function setConnection(state: PresenceState, reported: ConnectionState): PresenceState {
  // A reason may quote the gateway (a refusal message): it is shown, so it is cleaned like names.
  const reason = displayText(reported.reason);
  const connection: ConnectionState =
    reason === reported.reason ? reported : { ...reported, reason: reason ?? 'unknown reason' };
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

  if (FORGETS_PHONE_STATE.has(connection.status)) {
    next = closeAllAlerts(next, 'ended');
    next = { ...next, calls: new Map(), userState: null, userStateSeq: next.seq };
  }
  return next;
}

/** How long an alert outlives an unreachable gateway before it can no longer be vouched for. */
export const OFFLINE_ALERT_GRACE_MS = 15_000;

/** Closes every alert as 'connection-lost' unless the connection is (again) online. */
export function expireOfflineAlerts(state: PresenceState): PresenceState {
  if (state.connection.status === 'online' || state.alerts.size === 0) return state;
  return closeAllAlerts({ ...state, seq: state.seq + 1 }, 'connection-lost');
}
