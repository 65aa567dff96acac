/**
 * Applying the gateway's call events to the call table: creation, modification (including
 * `previousCallRef` / `replacedByCallRef` hand-overs) and removal, each followed by the alert
 * bookkeeping. Pure code, used by the reducer.
 */
import type { OnCallCreated, OnCallModified, OnCallRemoved } from '../events/telephony.js';
import { reasonOnRemoval, syncAlert } from './alerts.js';
import {
  directionOf,
  isRingingIncoming,
  mergeCallData,
  newCallRecord,
  removeLegs,
  removeParticipants,
  upsertLegs,
  upsertParticipants,
} from './call-record.js';
import type { CallRecord, PresenceState } from './state.js';
import { MAX_CALLS, remember } from './state.js';
import type { AlertCloseReason } from './types.js';
import { recordsOf, text } from './wire.js';

/** Puts a call in the table (dropping the oldest quiet calls beyond `MAX_CALLS`). */
export function storeCall(state: PresenceState, call: CallRecord): PresenceState {
  const calls = new Map(state.calls);
  calls.set(call.callRef, { ...call, direction: directionOf(call), seq: state.seq });
  for (const [callRef, old] of calls) {
    if (calls.size <= MAX_CALLS) break;
    if (callRef !== call.callRef && !isRingingIncoming(old)) calls.delete(callRef);
  }
  return { ...state, calls };
}

/** Takes a call out of the table, remembering it briefly, and closes its alert. */
export function dropCall(
  state: PresenceState,
  callRef: string,
  reason: AlertCloseReason,
  now: number,
  replacedBy: string | null = null,
): PresenceState {
  const call = state.calls.get(callRef);
  if (!call) return state;
  const calls = new Map(state.calls);
  calls.delete(callRef);
  const ended = { callRef, since: call.since, direction: call.direction, replacedBy };
  return syncAlert(
    { ...state, calls, endedCalls: remember(state.endedCalls, ended) },
    callRef,
    now,
    reason,
  );
}

/** The record an event continues: the live call, the call it replaces, or a fresh one. */
function baseRecord(
  state: PresenceState,
  callRef: string,
  now: number,
  previous?: string,
): CallRecord {
  const live = state.calls.get(callRef);
  if (live) return live;
  const replaced = previous === undefined ? undefined : state.calls.get(previous);
  if (replaced) return { ...replaced, callRef };
  const fresh = newCallRecord(callRef, now, state.seq);
  // A successor announced by `replacedByCallRef` keeps the age and direction of the old call.
  const predecessor = state.endedCalls.findLast((ended) => ended.replacedBy === callRef);
  return predecessor
    ? { ...fresh, since: predecessor.since, direction: predecessor.direction }
    : fresh;
}

export function applyCallCreated(
  state: PresenceState,
  event: OnCallCreated,
  now: number,
): PresenceState {
  const base = baseRecord(state, event.callRef, now);
  const legs = recordsOf(event.legs);
  const call: CallRecord = {
    ...base,
    callData: mergeCallData(base.callData, event.callData),
    legs: legs.length > 0 ? upsertLegs([], legs) : base.legs,
    legsKnown: base.legsKnown || legs.length > 0,
    participants: upsertParticipants(base.participants, event.participants),
    initiator: text(event.initiator) ?? base.initiator,
    cause: text(event.cause) ?? null,
  };
  const endedCalls = state.endedCalls.filter((ended) => ended.callRef !== event.callRef);
  return syncAlert(storeCall({ ...state, endedCalls }, call), event.callRef, now);
}

export function applyCallModified(
  state: PresenceState,
  event: OnCallModified,
  now: number,
): PresenceState {
  const { callRef } = event;
  const previous = text(event.previousCallRef);
  const isLate = !state.calls.has(callRef) && state.endedCalls.some((e) => e.callRef === callRef);
  if (isLate) return state;

  const base = baseRecord(state, callRef, now, previous);
  const removedLegs = recordsOf(event.removedLegs);
  const touchedLegs =
    recordsOf(event.modifiedLegs).length + recordsOf(event.addedLegs).length + removedLegs.length;
  let legs = upsertLegs(base.legs, event.modifiedLegs);
  legs = upsertLegs(legs, event.addedLegs);
  legs = removeLegs(legs, removedLegs);
  let participants = upsertParticipants(base.participants, event.modifiedParticipants);
  participants = upsertParticipants(participants, event.addedParticipants);
  participants = removeParticipants(participants, event.removedParticipantIds);
  const call: CallRecord = {
    ...base,
    callData: mergeCallData(base.callData, event.callData),
    legs,
    legsKnown: base.legsKnown || touchedLegs > 0,
    participants,
    cause: text(event.cause) ?? null,
  };

  let next = state;
  if (previous !== undefined && previous !== callRef)
    next = dropCall(next, previous, 'ended', now, callRef);
  next = syncAlert(storeCall(next, call), callRef, now);
  const replacedBy = text(event.replacedByCallRef);
  if (replacedBy !== undefined && replacedBy !== callRef) {
    next = dropCall(next, callRef, 'ended', now, replacedBy);
  }
  return next;
}

export function applyCallRemoved(
  state: PresenceState,
  event: OnCallRemoved,
  now: number,
): PresenceState {
  if (!state.calls.has(event.callRef)) return state;
  return dropCall(state, event.callRef, reasonOnRemoval(text(event.cause)), now);
}
