/**
 * The single serialisable picture of the presence state that crosses processes (main ->
 * renderer, engine -> terminal). Pure code. The same state always gives an equal view, and
 * `sameView` tells the engine whether a new view is worth emitting.
 */
import { describeCaller } from './caller.js';
import {
  callState,
  initialCalledNumber,
  ownNumbers,
  remoteParticipant,
  userLegState,
} from './call-record.js';
import type { CallRecord, PresenceState } from './state.js';
import { deriveTrayState, describeTray } from './tray.js';
import type { Alert, CallView, PresenceView } from './types.js';
import { flag } from './wire.js';

function byAgeThenRef(
  a: { since: number; callRef: string },
  b: { since: number; callRef: string },
) {
  return a.since - b.since || (a.callRef < b.callRef ? -1 : a.callRef > b.callRef ? 1 : 0);
}

function toCallView(state: PresenceState, call: CallRecord): CallView {
  const legState = userLegState(call);
  // Without call data (F1's E1 has none) the user's leg is the best account of the call.
  const global = callState(call);
  return {
    callRef: call.callRef,
    state: global === 'UNKNOWN' && legState !== null ? legState : global,
    legState,
    direction: call.direction,
    caller: describeCaller(remoteParticipant(call), {
      ownNumbers: ownNumbers(state, call),
      initialCalled: initialCalledNumber(call),
      anonymous: flag(call.callData['anonymous']) === true,
    }),
    since: call.since,
  };
}

export function toPresenceView(state: PresenceState): PresenceView {
  const calls = [...state.calls.values()].map((call) => toCallView(state, call));
  const alerts: Alert[] = [...state.alerts.values()];
  return {
    tray: deriveTrayState(state),
    tooltip: describeTray(state),
    connection: state.connection,
    user: state.user,
    userState: state.userState,
    dnd: state.dnd,
    counters: state.counters,
    calls: calls.sort(byAgeThenRef),
    alerts: alerts.sort(byAgeThenRef),
  };
}

/** Structural equality of JSON-like data (what a view is made of). */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const bKeys = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((key) =>
    sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/** True when two views would render identically; keys holding `undefined` count as absent. */
export function sameView(a: PresenceView, b: PresenceView): boolean {
  return sameData(a, b);
}
