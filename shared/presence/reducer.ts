/**
 * The presence reducer: one gateway event in, the next state out. Pure and total: an unknown
 * event, a wrong-typed field or an event about another user leaves the state as it was (the very
 * same object, so callers can skip re-rendering).
 */
import { knownEvent } from '../events/event.js';
import type { O2gEvent } from '../events/event.js';
import { applyCallCreated, applyCallModified, applyCallRemoved } from './calls.js';
import {
  loadCounters,
  loadDeviceStates,
  loadRouting,
  loadTelephonySnapshot,
  loadUser,
} from './snapshot.js';
import type { PresenceState } from './state.js';
import { sameLogin } from './state.js';
import { text } from './wire.js';

function isAboutUser(state: PresenceState, event: O2gEvent): boolean {
  // Events without a login (channel information) concern the session itself.
  // The parser guarantees a string when the field is present.
  const { loginName } = event as { readonly loginName?: string };
  return loginName === undefined || sameLogin(loginName, state.loginName);
}

export function reducePresence(state: PresenceState, event: O2gEvent, now: number): PresenceState {
  const known = knownEvent(event);
  if (!known || !isAboutUser(state, event)) return state;
  // Every applied event gets a sequence number; alert closings and call changes carry it.
  const next: PresenceState = { ...state, seq: state.seq + 1 };

  // A step that changed nothing hands `next` back: keep the original object then.
  const settle = (result: PresenceState): PresenceState => (result === next ? state : result);

  switch (known.eventName) {
    case 'OnCallCreated':
      return applyCallCreated(next, known, now);
    case 'OnCallModified':
      return settle(applyCallModified(next, known, now));
    case 'OnCallRemoved':
      // A duplicate removal finds no call and changes nothing.
      return settle(applyCallRemoved(next, known, now));
    case 'OnUserStateModified': {
      const userState = text(known.state);
      return userState === undefined ? state : { ...next, userState, userStateSeq: next.seq };
    }
    case 'OnDeviceStateModified':
      return loadDeviceStates(state, known.deviceStates);
    case 'OnTelephonyState':
      return loadTelephonySnapshot(state, known.state, now);
    case 'OnEventSummaryUpdated':
      return loadCounters(state, known.eventSummary);
    case 'OnRoutingStateChanged':
      return loadRouting(state, known.routingState);
    case 'OnUserInfoChanged':
      return loadUser(state, known.user);
    default:
      // Channel information, hunting-group state, administrator events: nothing in the
      // presence picture depends on them.
      return state;
  }
}
