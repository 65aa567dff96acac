/**
 * Public face of the presence model: the reducer and loaders that keep the state, and the pure
 * derivations (tray, tooltip, alerts, caller text, view) every front end renders from.
 * Pure code, runs anywhere.
 */
export type * from './types.js';
export type { CallRecord, ClosedAlert, EndedCall, PresenceState } from './state.js';
export { initialPresenceState, MAX_CALLS, MEMORY_LIMIT } from './state.js';
export { reducePresence } from './reducer.js';
export {
  loadCounters,
  loadDeviceStates,
  loadRouting,
  loadTelephonySnapshot,
  loadUser,
} from './snapshot.js';
export { expireOfflineAlerts, OFFLINE_ALERT_GRACE_MS, setConnection } from './connection.js';
export { deriveTrayState, describeTray } from './tray.js';
export { diffAlerts } from './alerts.js';
export {
  capText,
  describeCaller,
  notificationText,
  TITLE_LIMIT,
  UNKNOWN_LABEL,
  WITHHELD_LABEL,
} from './caller.js';
export type { CallerOptions } from './caller.js';
export { sameView, toPresenceView } from './view.js';
