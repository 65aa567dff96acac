// The telephony model (plain Node): calls between users and external callers, and the events
// each internal side sees (protocol §8.8): ringing, answered, held, released, removed, user
// state; a missed call or a voicemail deposit updates the callee's counters (see lines.ts).
import { randomBytes, randomUUID } from 'node:crypto';
import { callCreated, callModified, callRemoved, type CallChanges } from './call-events.js';
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
import { CallBook } from './call-book.js';
import type { Lines, Publish } from './lines.js';
import type { ResolvedOptions, SimulatorUser } from './options.js';
import { telephonyError } from './rest-error.js';

export class Telephony extends CallBook {
  constructor(
    private readonly directory: Directory,
    lines: Lines,
    options: ResolvedOptions,
    publish: Publish,
  ) {
    super(lines, options, publish);
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

  /** Another user takes the ringing call on their own phone (call pickup). */
  pickUp(callRef: string, picker: SimulatorUser): void {
    const call = this.callOrThrow(callRef);
    this.requireRinging(call);
    const previous = call.callee;
    const taker: Party = { kind: 'user', user: picker };
    if (sameUser(previous, taker) || sameUser(call.caller, taker)) {
      throw telephonyError(
        400,
        'BAD_PARAMETER_VALUE',
        'INVALID_CALLING',
        'Only a third party can pick up.',
      );
    }
    this.emitTo(call, 'callee', (user) => callRemoved(call, user, 'PICKED_UP'));
    call.callee = taker;
    call.lastRedirecting = previous;
    call.phase = 'active';
    this.emitTo(call, 'callee', (user) => ({
      ...callCreated(call, 'callee', user),
      cause: 'PICKED_UP',
    }));
    this.emitTo(call, 'caller', (user) =>
      callModified(call, 'caller', user, {
        cause: 'PICKED_UP',
        removedParticipantIds: [participantId(previous)],
        addedParticipants: [participantOf(call, 'caller')],
      }),
    );
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
}
