/**
 * Loading whole pictures into the model: the telephony snapshot (`GET {telephony}/state` or
 * `OnTelephonyState`), the counters, the routing state and the user. Each takes the answer as
 * untrusted JSON and reads it defensively. Pure code.
 */
import { syncAlert } from './alerts.js';
import { mergeCallData, newCallRecord, upsertLegs, upsertParticipants } from './call-record.js';
import { dropCall, storeCall } from './calls.js';
import type { PresenceState } from './state.js';
import { sameLogin } from './state.js';
import type { Counters, UserInfo } from './types.js';
import { asRecord, count, displayText, flag, numberText, path, recordsOf, text } from './wire.js';

/**
 * Replaces the call table with the snapshot's calls. A call we knew that the snapshot lacks
 * ended while we were not listening: it goes, and its alert closes as 'ended' (whether it was
 * answered or missed is not knowable; the missed-calls counter will tell). Known calls keep their
 * age and direction; everything else comes from the snapshot.
 */
export function loadTelephonySnapshot(
  state: PresenceState,
  snapshot: unknown,
  now: number,
): PresenceState {
  const picture = asRecord(snapshot);
  if (!picture) return state;
  let next: PresenceState = { ...state, seq: state.seq + 1 };

  const listed = recordsOf(picture['calls']).filter((call) => text(call['callRef']) !== undefined);
  const listedRefs = new Set(listed.map((call) => text(call['callRef'])));
  for (const callRef of state.calls.keys()) {
    if (!listedRefs.has(callRef)) next = dropCall(next, callRef, 'ended', now);
  }

  for (const entry of listed) {
    const callRef = text(entry['callRef']) ?? '';
    const known = next.calls.get(callRef) ?? newCallRecord(callRef, now, next.seq);
    const legs = upsertLegs([], entry['legs']);
    next = storeCall(next, {
      ...known,
      callData: mergeCallData({}, entry['callData']),
      legs,
      legsKnown: legs.length > 0,
      participants: upsertParticipants([], entry['participants']),
      cause: null,
    });
    next = syncAlert(next, callRef, now);
  }

  const devices = picture['deviceStates'];
  // Nested in the REST answer (and some event variants), a plain array in others.
  const deviceList = Array.isArray(devices) ? devices : asRecord(devices)?.['deviceStates'];
  if (devices !== undefined) next = loadDeviceStates(next, deviceList, true);

  const userState = text(picture['userState']);
  if (userState !== undefined) next = { ...next, userState, userStateSeq: next.seq };
  return next;
}

/**
 * Device operational states (`{deviceId, state}` entries). A snapshot lists them all and replaces
 * what we knew; an event updates the devices it names.
 */
export function loadDeviceStates(
  state: PresenceState,
  entries: unknown,
  replace = false,
): PresenceState {
  const deviceStates = new Map(replace ? [] : state.deviceStates);
  for (const entry of recordsOf(entries)) {
    const deviceId = text(entry['deviceId']);
    const operational = text(entry['state']);
    if (deviceId !== undefined && operational !== undefined)
      deviceStates.set(deviceId, operational);
  }
  const unchanged =
    deviceStates.size === state.deviceStates.size &&
    [...deviceStates].every(([deviceId, value]) => state.deviceStates.get(deviceId) === value);
  return unchanged ? state : { ...state, seq: state.seq + 1, deviceStates };
}

/** The `eventSummary` object (event or `GET {eventsummary}`): a full set, absent counters 0. */
export function loadCounters(state: PresenceState, eventSummary: unknown): PresenceState {
  const summary = asRecord(eventSummary);
  if (!summary) return state;
  const counters: Counters = {
    missedCalls: count(summary['missedCallsNb']),
    voiceMessages: count(summary['voiceMessagesNb']),
    callbackRequests: count(summary['callBackRequestsNb']),
    faxes: count(summary['faxNb']),
    newTexts: count(summary['newTextNb']),
    eventWaiting: flag(summary['eventWaiting']) === true,
  };
  return { ...state, seq: state.seq + 1, counters };
}

/** The routing state (event or `GET {routing}/state`): a missing `dndState` means DND off. */
export function loadRouting(state: PresenceState, routingState: unknown): PresenceState {
  const routing = asRecord(routingState);
  if (!routing) return state;
  const dnd = path(routing, 'dndState', 'activate') === true;
  return { ...state, seq: state.seq + 1, dnd };
}

/** The user (`GET {users}/{login}` or `OnUserInfoChanged`); another user's record is ignored. */
export function loadUser(state: PresenceState, user: unknown): PresenceState {
  const record = asRecord(user);
  if (!record) return state;
  // Only case and surrounding whitespace may differ (sameLogin); the latter must not be shown.
  const loginName = text(record['loginName'])?.trim() ?? state.loginName;
  if (!sameLogin(loginName, state.loginName)) return state;
  const devices = recordsOf(record['devices']).flatMap((device) => text(device['id']) ?? []);
  const info: UserInfo = {
    loginName,
    // Shown on the tray, the dashboard and the terminal status line: cleaned like caller names.
    companyPhone: numberText(record['companyPhone']) ?? null,
    firstName: displayText(record['firstName']) ?? null,
    lastName: displayText(record['lastName']) ?? null,
    devices,
  };
  let next: PresenceState = { ...state, seq: state.seq + 1, user: info };
  // Own numbers decide the "via" line of open alerts.
  for (const [callRef, alert] of next.alerts) next = syncAlert(next, callRef, alert.since);
  return next;
}
