/**
 * Events of the `telephony` package (protocol §8) and the telephonic state snapshot shared by
 * `GET {telephony}/state` and `OnTelephonyState`. Pure types, run anywhere.
 */
import type {
  CallData,
  Cause,
  DeviceCapabilities,
  DeviceState,
  Leg,
  Participant,
  UserState,
} from './common.js';

/** A call appears for the user. */
export interface OnCallCreated {
  readonly eventName: 'OnCallCreated';
  readonly loginName?: string;
  readonly callRef: string;
  readonly cause?: Cause;
  readonly callData?: CallData | null;
  /** `participantId` of the party who started the call. */
  readonly initiator?: string;
  readonly legs?: readonly Leg[] | null;
  readonly participants?: readonly Participant[] | null;
  readonly deviceCapabilities?: readonly DeviceCapabilities[] | null;
}

/** Something changed in a call; an absent or empty list means "no change" for that list. */
export interface OnCallModified {
  readonly eventName: 'OnCallModified';
  readonly loginName?: string;
  readonly callRef: string;
  readonly cause?: Cause;
  readonly callData?: CallData | null;
  /** This call replaces `previousCallRef`, which is gone without an OnCallRemoved. */
  readonly previousCallRef?: string;
  /** On release: the call continues under this reference. */
  readonly replacedByCallRef?: string;
  readonly modifiedLegs?: readonly Leg[] | null;
  readonly addedLegs?: readonly Leg[] | null;
  readonly removedLegs?: readonly Leg[] | null;
  readonly modifiedParticipants?: readonly Participant[] | null;
  readonly addedParticipants?: readonly Participant[] | null;
  readonly removedParticipantIds?: readonly string[] | null;
  readonly deviceCapabilities?: readonly DeviceCapabilities[] | null;
}

/** The call is gone for this user. */
export interface OnCallRemoved {
  readonly eventName: 'OnCallRemoved';
  readonly loginName?: string;
  readonly callRef: string;
  readonly cause?: Cause;
  /** When forwarded or redirected: where the call went. */
  readonly newDestination?: string;
  readonly deviceCapabilities?: readonly DeviceCapabilities[] | null;
}

export interface OnUserStateModified {
  readonly eventName: 'OnUserStateModified';
  readonly loginName?: string;
  readonly state: UserState;
}

export interface OnDeviceStateModified {
  readonly eventName: 'OnDeviceStateModified';
  readonly loginName?: string;
  readonly deviceStates?: readonly DeviceState[] | null;
}

/** Hunting-group log-on state. [JS] spells it `OnDynamicStateModified`; both are accepted. */
export interface OnDynamicStateChanged {
  readonly eventName: 'OnDynamicStateChanged' | 'OnDynamicStateModified';
  readonly loginName?: string;
  readonly huntingGroupState?: { readonly logon?: boolean } | null;
}

/** A call as listed in a telephonic state snapshot. */
export interface SnapshotCall {
  readonly callRef: string;
  readonly callData?: CallData | null;
  readonly legs?: readonly Leg[] | null;
  readonly participants?: readonly Participant[] | null;
}

/**
 * The full telephony picture. `deviceStates` is nested (`{deviceStates: [...]}`) in the REST
 * answer and in some event variants, a plain array in others: both are accepted.
 */
export interface TelephonicState {
  readonly calls?: readonly SnapshotCall[] | null;
  readonly deviceCapabilities?: readonly DeviceCapabilities[] | null;
  readonly userState?: UserState;
  readonly deviceStates?:
    readonly DeviceState[] | { readonly deviceStates?: readonly DeviceState[] | null } | null;
}

/** Answer to `POST {telephony}/state/snapshot`. */
export interface OnTelephonyState {
  readonly eventName: 'OnTelephonyState';
  readonly loginName?: string;
  readonly state?: TelephonicState | null;
}

export type TelephonyEvent =
  | OnCallCreated
  | OnCallModified
  | OnCallRemoved
  | OnUserStateModified
  | OnDeviceStateModified
  | OnDynamicStateChanged
  | OnTelephonyState;
