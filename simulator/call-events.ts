// Builders of the telephony events (protocol §8.1-8.3) for one side of a call (plain Node).
// Optional arrays are sent empty, as in the 2018 wire capture.
import {
  callDataOf,
  deviceCapabilitiesOf,
  legOf,
  participantId,
  participantOf,
  type Call,
  type Side,
} from './call-view.js';
import type { SimulatorUser } from './options.js';

export function callCreated(call: Call, side: Side, user: SimulatorUser): object {
  return {
    eventName: 'OnCallCreated',
    loginName: user.loginName,
    callRef: call.ref,
    callData: callDataOf(call, side),
    initiator: side === 'callee' ? participantId(call.caller) : user.extension,
    legs: [legOf(call, side)],
    participants: [participantOf(call, side)],
    deviceCapabilities: deviceCapabilitiesOf(user),
  };
}

export interface CallChanges {
  cause?: string;
  /** Overrides the leg and call state (RELEASING while the call is being torn down). */
  state?: string;
  modifiedLegs?: boolean;
  modifiedParticipants?: boolean;
  addedParticipants?: object[];
  removedParticipantIds?: string[];
}

export function callModified(
  call: Call,
  side: Side,
  user: SimulatorUser,
  changes: CallChanges,
): object {
  return {
    eventName: 'OnCallModified',
    loginName: user.loginName,
    callRef: call.ref,
    ...(changes.cause ? { cause: changes.cause } : {}),
    callData: callDataOf(call, side, changes.state),
    modifiedLegs: changes.modifiedLegs === false ? [] : [legOf(call, side, changes.state)],
    addedLegs: [],
    removedLegs: [],
    modifiedParticipants: changes.modifiedParticipants ? [participantOf(call, side)] : [],
    addedParticipants: changes.addedParticipants ?? [],
    removedParticipantIds: changes.removedParticipantIds ?? [],
    deviceCapabilities: [],
  };
}

export function callRemoved(
  call: Call,
  user: SimulatorUser,
  cause: string,
  newDestination?: string,
): object {
  return {
    eventName: 'OnCallRemoved',
    loginName: user.loginName,
    callRef: call.ref,
    cause,
    ...(newDestination ? { newDestination } : {}),
    deviceCapabilities: deviceCapabilitiesOf(user),
  };
}

/** The event with every empty array left out, at any depth (`emptyArrays: 'omit'`). */
export function withoutEmptyArrays(event: object): object {
  return JSON.parse(
    JSON.stringify(event, (_key, value: unknown) =>
      Array.isArray(value) && value.length === 0 ? undefined : value,
    ),
  ) as object;
}
