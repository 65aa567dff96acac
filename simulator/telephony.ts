// The telephony model (plain Node): calls between users and external callers, and the events
// each internal side sees (protocol §8.8): ringing, answered, held, released, removed, user
// state; a missed call or a voicemail deposit updates the callee's counters (see lines.ts).
import { randomBytes, randomUUID } from 'node:crypto';
import {
  callCreated,
  callModified,
  callRemoved,
  withoutEmptyArrays,
  type CallChanges,
} from './call-events.js';
import {
  other,
  participantId,
  participantOf,
  partyNumber,
  sameUser,
  type Call,
  type Party,
  type Side,
  type UserParty,
} from './call-view.js';
import type { Directory } from './directory.js';
import type { Lines, Publish } from './lines.js';
import type { ResolvedOptions, SimulatorUser } from './options.js';
import { telephonyError } from './rest-error.js';

export class Telephony {
  private readonly calls = new Map<string, Call>();

  constructor(
    private readonly directory: Directory,
    private readonly lines: Lines,
    private readonly options: ResolvedOptions,
    private readonly publish: Publish,
  ) {}

  all(): Call[] {
    return [...this.calls.values()];
  }

  /** Calls `loginName` takes part in, with the side it is on. */
  callsOf(loginName: string): Array<{ call: Call; side: Side }> {
    const found: Array<{ call: Call; side: Side }> = [];
    for (const call of this.calls.values()) {
      const side = this.sideOf(call, loginName);
      if (side) found.push({ call, side });
    }
    return found;
  }

  /** The call as `loginName` knows it, or a 404 CALL_REFERENCE_NOT_FOUND. */
  find(callRef: string, loginName: string): { call: Call; side: Side } {
    const call = this.callOrThrow(callRef);
    const side = this.sideOf(call, loginName);
    if (!side) throw unknownCall();
    return { call, side };
  }

  placeCall(caller: Party, callee: Party): string {
    const ref = randomBytes(8).toString('hex');
    const target = callee.kind === 'user' ? this.routeIncoming(callee) : callee;
    const call: Call = {
      ref,
      uuid: randomUUID(),
      caller,
      callee: target,
      initialCalled: callee.kind === 'user' ? callee.user.extension : partyNumber(callee),
      lastRedirecting: target === callee ? undefined : callee,
      phase: 'ringing',
      held: { caller: false, callee: false },
    };
    if (sameUser(caller, target)) {
      throw telephonyError(
        400,
        'BAD_PARAMETER_VALUE',
        'INVALID_DESTINATION',
        'A user cannot call itself.',
      );
    }
    const refusal =
      callee.kind !== 'user'
        ? undefined
        : this.lines.get(callee.user.loginName).dnd
          ? 'DO_NOT_DISTURB'
          : this.forwardsToVoicemail(callee.user)
            ? 'FORWARDED'
            : undefined;
    if (refusal) {
      // The callee's phone never rings: only an internal caller sees the attempt end.
      this.emitTo(call, 'caller', (user) => callCreated(call, 'caller', user));
      this.emitTo(call, 'caller', (user) => callRemoved(call, user, refusal));
      if (refusal === 'FORWARDED' && callee.kind === 'user') {
        this.lines.leaveVoicemail(callee.user.loginName);
      }
      return ref;
    }
    this.calls.set(ref, call);
    this.emitTo(call, 'caller', (user) => callCreated(call, 'caller', user));
    this.emitTo(call, 'callee', (user) => callCreated(call, 'callee', user));
    this.refreshUserStates(call);
    return ref;
  }

  answer(callRef: string): void {
    const call = this.callOrThrow(callRef);
    this.requireRinging(call);
    call.phase = 'active';
    this.emitTo(call, 'caller', (user) =>
      callModified(call, 'caller', user, { modifiedParticipants: true }),
    );
    this.emitTo(call, 'callee', (user) => callModified(call, 'callee', user, {}));
    this.refreshUserStates(call);
  }

  /** `side` hangs up: before answer the caller abandons or the callee rejects. */
  hangUp(callRef: string, side: Side): void {
    const call = this.callOrThrow(callRef);
    if (call.phase === 'ringing' && side === 'caller') {
      this.release(call, 'caller', 'ABANDONED');
      this.countMissed(call);
    } else if (call.phase === 'ringing') {
      this.release(call, 'callee', 'BUSY');
    } else {
      this.release(call, side, 'CLEARED');
    }
  }

  /** Nobody answered: the callee's missed-call counter goes up. */
  ringOut(callRef: string, cause = this.options.missedCallCause): void {
    const call = this.callOrThrow(callRef);
    this.requireRinging(call);
    this.release(call, 'callee', cause);
    this.countMissed(call);
  }

  /** The callee deflects a ringing call to a number or to its voicemail ("VOICEMAIL"). */
  redirect(callRef: string, destination: string): void {
    const call = this.callOrThrow(callRef);
    this.requireRinging(call);
    const previous = call.callee;
    const toVoicemail = destination.toUpperCase() === 'VOICEMAIL';
    const newDestination = toVoicemail ? this.options.voicemailNumber : destination;
    if (partyNumber(previous) === newDestination) {
      throw telephonyError(400, 'BAD_PARAMETER_VALUE', 'INVALID_DESTINATION', 'Same destination.');
    }
    const target = toVoicemail ? undefined : this.directory.byExtension(destination);
    if (target && sameUser(call.caller, { kind: 'user', user: target })) {
      throw telephonyError(
        400,
        'BAD_PARAMETER_VALUE',
        'INVALID_DESTINATION',
        'That is the caller.',
      );
    }
    this.emitTo(call, 'callee', (user) => callRemoved(call, user, 'REDIRECTED', newDestination));

    call.callee = toVoicemail
      ? { kind: 'service', number: newDestination, displayName: 'Voicemail', subType: 'voicemail' }
      : target
        ? { kind: 'user', user: target }
        : { kind: 'external', number: destination, anonymous: false };
    call.lastRedirecting = previous;
    // The voicemail answers at once, takes the message, and the caller is released.
    if (toVoicemail) call.phase = 'active';
    const replaced: CallChanges = {
      modifiedLegs: false,
      removedParticipantIds: [participantId(previous)],
      addedParticipants: [participantOf(call, 'caller')],
    };
    if (toVoicemail) {
      this.emitTo(call, 'caller', (user) => callModified(call, 'caller', user, replaced));
      this.calls.delete(call.ref);
      this.emitTo(call, 'caller', (user) => callRemoved(call, user, 'CLEARED'));
      this.refreshUserStates(call, previous);
      if (previous.kind === 'user') this.lines.leaveVoicemail(previous.user.loginName);
      return;
    }
    this.emitTo(call, 'caller', (user) => callModified(call, 'caller', user, replaced));
    this.emitTo(call, 'callee', (user) => callCreated(call, 'callee', user));
    this.refreshUserStates(call, previous);
  }

  hold(callRef: string, side: Side, held: boolean): void {
    const call = this.callOrThrow(callRef);
    if (call.phase !== 'active' || call.held[side] === held) {
      const what = held ? 'hold' : 'retrieve';
      throw telephonyError(
        403,
        'INCOMPATIBLE_WITH_STATE',
        'INVALID_CONNECTION_STATE',
        `Cannot ${what} now.`,
      );
    }
    call.held[side] = held;
    this.emitTo(call, side, (user) => callModified(call, side, user, {}));
    const far = other(side);
    this.emitTo(call, far, (user) =>
      callModified(call, far, user, { modifiedLegs: false, modifiedParticipants: true }),
    );
  }

  stop(): void {
    this.calls.clear();
  }

  /** An immediate forward to another user's number sends the call there (one hop). */
  private routeIncoming(original: UserParty): Party {
    const user = original.user;
    const forward = this.lines.get(user.loginName).forward;
    const destination = forward && !forward.forwardType ? forward.destinations[0] : undefined;
    const target = destination?.number ? this.directory.byExtension(destination.number) : undefined;
    return target && target.loginName !== user.loginName
      ? { kind: 'user', user: target }
      : original;
  }

  private forwardsToVoicemail(user: SimulatorUser): boolean {
    const forward = this.lines.get(user.loginName).forward;
    return !forward?.forwardType && forward?.destinations[0]?.type === 'VOICEMAIL';
  }

  /** `side` leaves the call: it sees the call removed; the far side sees it release first. */
  private release(call: Call, side: Side, cause: string): void {
    this.calls.delete(call.ref);
    const far = other(side);
    this.emitTo(call, side, (user) => callRemoved(call, user, cause));
    // A call that never connected just disappears (protocol §8.8, missed call).
    if (call.phase === 'active') {
      this.emitTo(call, far, (user) =>
        callModified(call, far, user, {
          cause,
          state: 'RELEASING',
          removedParticipantIds: [participantId(call[side])],
        }),
      );
    }
    this.emitTo(call, far, (user) => callRemoved(call, user, cause));
    this.refreshUserStates(call);
  }

  private countMissed(call: Call): void {
    if (call.callee.kind !== 'user') return;
    this.lines.countMissedCall(call.callee.user.loginName);
  }

  private callOrThrow(callRef: string): Call {
    const call = this.calls.get(callRef);
    if (!call) throw unknownCall();
    return call;
  }

  private requireRinging(call: Call): void {
    if (call.phase !== 'ringing') {
      throw telephonyError(
        403,
        'INCOMPATIBLE_WITH_STATE',
        'INVALID_CONNECTION_STATE',
        'The call is not ringing.',
      );
    }
  }

  private sideOf(call: Call, loginName: string): Side | undefined {
    if (call.caller.kind === 'user' && call.caller.user.loginName === loginName) return 'caller';
    if (call.callee.kind === 'user' && call.callee.user.loginName === loginName) return 'callee';
    return undefined;
  }

  private emitTo(call: Call, side: Side, build: (user: SimulatorUser) => object): void {
    const party = call[side];
    if (party.kind !== 'user') return;
    const event = build(party.user);
    this.publish(
      party.user.loginName,
      this.options.emptyArrays === 'omit' ? withoutEmptyArrays(event) : event,
    );
  }

  /** BUSY while the user places a call or talks; a ringing incoming call leaves it FREE. */
  private refreshUserStates(call: Call, ...others: Party[]): void {
    for (const party of [call.caller, call.callee, ...others]) {
      if (party.kind !== 'user') continue;
      const loginName = party.user.loginName;
      const busy = this.callsOf(loginName).some(
        ({ call: c, side }) => side === 'caller' || c.phase === 'active',
      );
      this.lines.setUserState(loginName, busy ? 'BUSY' : 'FREE');
    }
  }
}

function unknownCall() {
  return telephonyError(404, 'CALL_REFERENCE_NOT_FOUND', 'INVALID_CALL_ID', 'Unknown callRef.');
}
