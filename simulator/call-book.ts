// Where the telephony model keeps its calls (plain Node): lookup by callRef and by user, and how
// a change reaches each internal side: events, release sequences, user state and the missed
// counter. The operations on calls live in telephony.ts.
import { callModified, callRemoved, withoutEmptyArrays } from './call-events.js';
import { other, participantId, type Call, type Party, type Side } from './call-view.js';
import type { Lines, Publish } from './lines.js';
import type { ResolvedOptions, SimulatorUser } from './options.js';
import { telephonyError } from './rest-error.js';

export class CallBook {
  protected readonly calls = new Map<string, Call>();

  constructor(
    protected readonly lines: Lines,
    protected readonly options: ResolvedOptions,
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

  stop(): void {
    this.calls.clear();
  }

  /** `side` leaves the call: it sees the call removed; the far side sees it release first. */
  protected release(call: Call, side: Side, cause: string): void {
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

  protected countMissed(call: Call): void {
    if (call.callee.kind !== 'user') return;
    this.lines.countMissedCall(call.callee.user.loginName);
  }

  protected callOrThrow(callRef: string): Call {
    const call = this.calls.get(callRef);
    if (!call) throw unknownCall();
    return call;
  }

  protected requireRinging(call: Call): void {
    if (call.phase !== 'ringing') {
      throw telephonyError(
        403,
        'INCOMPATIBLE_WITH_STATE',
        'INVALID_CONNECTION_STATE',
        'The call is not ringing.',
      );
    }
  }

  protected sideOf(call: Call, loginName: string): Side | undefined {
    if (call.caller.kind === 'user' && call.caller.user.loginName === loginName) return 'caller';
    if (call.callee.kind === 'user' && call.callee.user.loginName === loginName) return 'callee';
    return undefined;
  }

  protected emitTo(call: Call, side: Side, build: (user: SimulatorUser) => object): void {
    const party = call[side];
    if (party.kind !== 'user') return;
    const event = build(party.user);
    this.publish(
      party.user.loginName,
      this.options.emptyArrays === 'omit' ? withoutEmptyArrays(event) : event,
    );
  }

  /** BUSY while the user places a call or talks; a ringing incoming call leaves it FREE. */
  protected refreshUserStates(call: Call, ...others: Party[]): void {
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

export function unknownCall() {
  return telephonyError(404, 'CALL_REFERENCE_NOT_FOUND', 'INVALID_CALL_ID', 'Unknown callRef.');
}
