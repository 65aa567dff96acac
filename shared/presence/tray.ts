/**
 * The tray icon's state and tooltip, derived from the presence state. Pure code; the Electron
 * tray and the terminal front end only render what this says.
 */
import { isEngaged } from './call-record.js';
import type { PresenceState } from './state.js';
import type { ConnectionState, TrayState } from './types.js';

/**
 * Busy when the gateway says BUSY, or when a call of the user is engaged and that is newer news
 * than the last user state. The newer fact wins: a call answered a moment before the BUSY event
 * shows busy at once, and a FREE event after a call we never saw end clears a stale call.
 */
function isBusy(state: PresenceState): boolean {
  if (state.userState === 'BUSY') return true;
  for (const call of state.calls.values()) {
    const newer = state.userState !== 'FREE' || call.seq > state.userStateSeq;
    if (newer && isEngaged(call)) return true;
  }
  return false;
}

/** offline > ringing > busy > dnd > free; 'unknown' while the gateway has told us nothing. */
export function deriveTrayState(state: PresenceState): TrayState {
  if (state.connection.status !== 'online') return 'offline';
  if (state.alerts.size > 0) return 'ringing';
  if (isBusy(state)) return 'busy';
  if (state.dnd) return 'dnd';
  if (state.userState === 'FREE') return 'free';
  return 'unknown';
}

const OFFLINE_WORDS: Record<Exclude<ConnectionState['status'], 'online'>, string> = {
  stopped: 'Offline',
  connecting: 'Connecting',
  reconnecting: 'Reconnecting',
  'wrong-credentials': 'Offline: wrong login or password',
  'certificate-untrusted': 'Offline: certificate not trusted',
  unreachable: 'Offline: gateway unreachable',
  'event-port-unreachable': 'Offline: event port unreachable',
};

function describeConnection(connection: ConnectionState): string {
  if (connection.status === 'online') return 'Online';
  const words = OFFLINE_WORDS[connection.status];
  // The fixed wording already says why for the error states; a reason adds to the others.
  const reason = connection.reason?.trim();
  return reason && !words.includes(':') ? `${words}: ${reason}` : words;
}

function describeRinging(state: PresenceState): string {
  const alerts = [...state.alerts.values()];
  const first = alerts[0];
  if (!first) return 'Ringing';
  const { name, number } = first.caller;
  const who = number !== null && number !== name ? `${name}, ${number}` : name;
  const more = alerts.length > 1 ? ` (+${alerts.length - 1} more)` : '';
  return `Ringing: ${who}${more}`;
}

/** The tooltip, in words: "Ringing: Marc Olivier, 0240123456", "Busy", "Reconnecting: …". */
export function describeTray(state: PresenceState): string {
  switch (deriveTrayState(state)) {
    case 'offline':
      return describeConnection(state.connection);
    case 'ringing':
      return describeRinging(state);
    case 'busy':
      return 'Busy';
    case 'dnd':
      return 'Do not disturb';
    case 'free':
      return 'Free';
    case 'unknown':
      return 'Online, phone state not known yet';
  }
}
