/**
 * Incoming-call alerts: when one opens, what it offers, why it closes, and the show/close
 * changes between two states that notifications and popups act on. Pure code.
 */
import { describeCaller } from './caller.js';
import {
  callState,
  initialCalledNumber,
  isRingingIncoming,
  ownNumbers,
  remoteParticipant,
  sideStates,
} from './call-record.js';
import type { CallRecord, PresenceState } from './state.js';
import { remember } from './state.js';
import type { Alert, AlertChange, AlertCloseReason } from './types.js';
import { asRecord, flag } from './wire.js';

const ANSWERED_STATES = new Set(['ACTIVE', 'HELD']);
const RELEASED_STATES = new Set(['RELEASING', 'IDLE']);

/** What a cause tells about a call that was ringing for the user, when it tells anything. */
export function reasonFromCause(cause: string | null | undefined): AlertCloseReason | undefined {
  switch (cause) {
    case 'PICKED_UP':
    case 'PICKED_UP_TANDEM':
      return 'answered-elsewhere';
    case 'NOT_ANSWERED':
    case 'ABANDONED':
    case 'OVERFLOWN':
      return 'missed';
    case 'REDIRECTED':
    case 'FORWARDED':
    case 'TRANSFERRED':
    case 'DISTRIBUTED':
    case 'DO_NOT_DISTURB':
    case 'CALL_BACK':
    case 'PARKED':
      // Sent on elsewhere on purpose (by the user, a rule or the ACD): not a missed call.
      return 'ended';
    default:
      return undefined;
  }
}

/**
 * Why a call that was ringing for the user stopped ringing while it still exists: the user's
 * leg was answered; the user's legs left while someone else took the call; it was released.
 */
export function reasonAfterRinging(call: CallRecord): AlertCloseReason {
  const side = sideStates(call);
  if (side.some((state) => ANSWERED_STATES.has(state))) return 'answered';
  const byCause = reasonFromCause(call.cause);
  if (byCause) return byCause;
  const global = callState(call);
  if (call.legsKnown && call.legs.length === 0) {
    const someoneAnswered =
      ANSWERED_STATES.has(global) || call.participants.some((p) => p['state'] === 'ACTIVE');
    return someoneAnswered ? 'answered-elsewhere' : 'missed';
  }
  const released = RELEASED_STATES.has(global) || side.some((s) => RELEASED_STATES.has(s));
  return released ? 'missed' : 'ended';
}

/** Why an alert closes when its call is removed: by cause, else released without answer. */
export function reasonOnRemoval(cause: string | null | undefined): AlertCloseReason {
  return reasonFromCause(cause) ?? 'missed';
}

/**
 * Builds the alert of a ringing call. Voicemail is offered when the call data says `redirect`
 * or `redirectToVoiceMail`, and also when the gateway sent no call capabilities at all: they are
 * optional on the wire, the redirect request fails cleanly when refused, and hiding the action
 * whenever we merely do not know would lose it on gateways that never send capabilities.
 * Anonymous callers stay redirectable: withholding a number does not prevent deflection.
 */
export function buildAlert(state: PresenceState, call: CallRecord, since: number): Alert {
  const caller = describeCaller(remoteParticipant(call), {
    ownNumbers: ownNumbers(state, call),
    initialCalled: initialCalledNumber(call),
    anonymous: flag(call.callData['anonymous']) === true,
  });
  const canAnswer = call.legs.some(
    (leg) =>
      leg['state'] === 'RINGING_INCOMING' && asRecord(leg['capabilities'])?.['answer'] === true,
  );
  const capabilities = asRecord(call.callData['capabilities']);
  const canSendToVoicemail =
    capabilities === undefined ||
    capabilities['redirect'] === true ||
    capabilities['redirectToVoiceMail'] === true;
  return { callRef: call.callRef, caller, since, canAnswer, canSendToVoicemail };
}

function closeAlert(
  state: PresenceState,
  callRef: string,
  reason: AlertCloseReason,
): PresenceState {
  if (!state.alerts.has(callRef)) return state;
  const alerts = new Map(state.alerts);
  alerts.delete(callRef);
  const closedAlerts = remember(state.closedAlerts, { seq: state.seq, callRef, reason });
  return { ...state, alerts, closedAlerts };
}

/**
 * Brings the alert of one call in line with the call: opens it when the call rings for the user,
 * refreshes it (same `since`) when the caller or actions changed, closes it with a reason when
 * ringing stopped. `removal` gives the reason when the call itself is gone.
 */
export function syncAlert(
  state: PresenceState,
  callRef: string,
  now: number,
  removal?: AlertCloseReason,
): PresenceState {
  const call = state.calls.get(callRef);
  const open = state.alerts.get(callRef);
  if (!call) return open ? closeAlert(state, callRef, removal ?? 'ended') : state;
  if (!isRingingIncoming(call)) {
    return open ? closeAlert(state, callRef, reasonAfterRinging(call)) : state;
  }
  // Offline, an open alert is kept (see connection.ts) but no new one opens until state is re-read.
  if (!open && state.connection.status !== 'online') return state;

  const alert = buildAlert(state, call, open?.since ?? now);
  if (open && sameAlert(open, alert)) return state;
  const alerts = new Map(state.alerts);
  alerts.set(callRef, alert);
  return { ...state, alerts };
}

export function closeAllAlerts(state: PresenceState, reason: AlertCloseReason): PresenceState {
  let next = state;
  for (const callRef of state.alerts.keys()) next = closeAlert(next, callRef, reason);
  return next;
}

function sameAlert(a: Alert, b: Alert): boolean {
  return (
    a.since === b.since &&
    a.canAnswer === b.canAnswer &&
    a.canSendToVoicemail === b.canSendToVoicemail &&
    a.caller.name === b.caller.name &&
    a.caller.number === b.caller.number &&
    a.caller.via === b.caller.via &&
    a.caller.anonymous === b.caller.anonymous &&
    a.caller.unknown === b.caller.unknown
  );
}

/**
 * The changes that turn `prev`'s alerts into `next`'s: closings first (with the reason the model
 * recorded, 'ended' if it was forgotten), then openings, each in the order the alerts opened.
 * A `show` for a callRef that is already shown is an update of that alert (caller or actions
 * changed); front ends replace it in place rather than alerting twice.
 */
export function diffAlerts(prev: PresenceState, next: PresenceState): AlertChange[] {
  const changes: AlertChange[] = [];
  const closedSince = next.closedAlerts.filter((closed) => closed.seq > prev.seq);
  const reasonFor = (callRef: string): AlertCloseReason =>
    closedSince.findLast((closed) => closed.callRef === callRef)?.reason ?? 'ended';

  for (const callRef of prev.alerts.keys()) {
    const reopened = next.alerts.has(callRef) && closedSince.some((c) => c.callRef === callRef);
    if (!next.alerts.has(callRef) || reopened) {
      changes.push({ action: 'close', callRef, reason: reasonFor(callRef) });
    }
  }
  for (const [callRef, alert] of next.alerts) {
    const before = prev.alerts.get(callRef);
    const closed = changes.some((c) => c.action === 'close' && c.callRef === callRef);
    if (!before || closed || !sameAlert(before, alert)) changes.push({ action: 'show', alert });
  }
  return changes;
}
