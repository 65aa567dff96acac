/**
 * How one call record is built and read: merging legs, participants and call data from the
 * gateway's partial updates, and the derived facts (ringing for us, engaged, direction, own
 * numbers, remote party) that the alerts, tray and view share. Pure code.
 */
import type { CallRecord, PresenceState } from './state.js';
import { asRecord, path, recordsOf, stringsOf, text } from './wire.js';
import type { WireRecord } from './wire.js';

const RINGING_INCOMING = 'RINGING_INCOMING';
/** States in which the user is on the phone (or dialling out). */
const ENGAGED = new Set(['ACTIVE', 'HELD', 'DIALING', 'RINGING_OUTGOING', 'OFF_HOOK']);
const OUTGOING = new Set(['DIALING', 'RINGING_OUTGOING']);

export function newCallRecord(callRef: string, now: number, seq: number): CallRecord {
  return {
    callRef,
    callData: {},
    legs: [],
    legsKnown: false,
    participants: [],
    initiator: null,
    cause: null,
    direction: 'unknown',
    since: now,
    seq,
  };
}

/** `callData` fields sent now replace ours; fields not sent are unchanged. */
export function mergeCallData(current: WireRecord, update: unknown): WireRecord {
  const record = asRecord(update);
  return record ? { ...current, ...record } : current;
}

function legKey(leg: WireRecord): string | undefined {
  return text(leg['deviceId']);
}

function participantKey(participant: WireRecord): string | undefined {
  return text(participant['participantId']);
}

/**
 * Adds or updates entries by key (an update is merged over the entry it modifies, so a leg
 * update without `capabilities` keeps the old ones). Entries without a key are appended.
 */
export function upsert(
  list: readonly WireRecord[],
  updates: unknown,
  keyOf: (entry: WireRecord) => string | undefined,
): readonly WireRecord[] {
  const incoming = recordsOf(updates);
  if (incoming.length === 0) return list;
  const next = [...list];
  for (const update of incoming) {
    const key = keyOf(update);
    const index = key === undefined ? -1 : next.findIndex((entry) => keyOf(entry) === key);
    if (index === -1) next.push(update);
    else next[index] = { ...next[index], ...update };
  }
  return next;
}

export function removeKeys(
  list: readonly WireRecord[],
  keys: readonly string[],
  keyOf: (entry: WireRecord) => string | undefined,
): readonly WireRecord[] {
  if (keys.length === 0) return list;
  const gone = new Set(keys);
  return list.filter((entry) => {
    const key = keyOf(entry);
    return key === undefined || !gone.has(key);
  });
}

export const upsertLegs = (list: readonly WireRecord[], updates: unknown) =>
  upsert(list, updates, legKey);
export const upsertParticipants = (list: readonly WireRecord[], updates: unknown) =>
  upsert(list, updates, participantKey);
export const removeLegs = (list: readonly WireRecord[], removed: unknown) =>
  removeKeys(
    list,
    recordsOf(removed).flatMap((leg) => legKey(leg) ?? []),
    legKey,
  );
export const removeParticipants = (list: readonly WireRecord[], removedIds: unknown) =>
  removeKeys(list, stringsOf(removedIds), participantKey);

export function callState(call: CallRecord): string {
  return text(call.callData['state']) ?? 'UNKNOWN';
}

function legStates(call: CallRecord): string[] {
  return call.legs.flatMap((leg) => text(leg['state']) ?? []);
}

/**
 * Ringing for the user: one of the user's legs rings incoming, or, while no leg tells, the call
 * as a whole does. Legs of the user's events are by definition the
 * user's own devices (protocol §7.4), so they are not filtered against the device list.
 */
export function isRingingIncoming(call: CallRecord): boolean {
  const states = sideStates(call);
  return states.includes(RINGING_INCOMING);
}

/**
 * The states that describe the user's side: the legs' when they carry any, none when every leg
 * of ours left the call, else the call's global state (legs not named yet, or named without a
 * state).
 */
export function sideStates(call: CallRecord): string[] {
  if (call.legsKnown && call.legs.length === 0) return [];
  const states = legStates(call);
  return states.length > 0 ? states : [callState(call)];
}

/** The state of the user's side: a ringing leg first, then an engaged one, then any. */
export function userLegState(call: CallRecord): string | null {
  const states = legStates(call);
  return (
    states.find((state) => state === RINGING_INCOMING) ??
    states.find((state) => ENGAGED.has(state)) ??
    states[0] ??
    null
  );
}

/** The user is on this call (talking, holding, dialling). */
export function isEngaged(call: CallRecord): boolean {
  return sideStates(call).some((state) => ENGAGED.has(state));
}

/** Direction is decided by the first state that tells it and then kept. */
export function directionOf(call: CallRecord): CallRecord['direction'] {
  if (call.direction !== 'unknown') return call.direction;
  const states = [...legStates(call), callState(call)];
  if (states.includes(RINGING_INCOMING)) return 'incoming';
  if (states.some((state) => OUTGOING.has(state))) return 'outgoing';
  if (call.legs.some((leg) => leg['ringingRemote'] === true)) return 'outgoing';
  return 'unknown';
}

/** The user's numbers: company phone, devices, and the devices on this call's legs. */
export function ownNumbers(state: PresenceState, call?: CallRecord): string[] {
  const numbers: string[] = [];
  if (state.user?.companyPhone) numbers.push(state.user.companyPhone);
  numbers.push(...(state.user?.devices ?? []));
  for (const leg of call?.legs ?? []) {
    const deviceId = legKey(leg);
    if (deviceId) numbers.push(deviceId);
  }
  return numbers;
}

/** The remote party to show: the initiator when named, else the first one. */
export function remoteParticipant(call: CallRecord): WireRecord | undefined {
  if (call.initiator !== null) {
    const initiator = call.participants.find((p) => participantKey(p) === call.initiator);
    if (initiator) return initiator;
  }
  return call.participants[0];
}

export function initialCalledNumber(call: CallRecord): string | undefined {
  return text(path(call.callData, 'initialCalled', 'id', 'phoneNumber'));
}
