/**
 * Data types shared by the O2G event packages (protocol §7): party identity, participants, the
 * user's legs, call data and the enumerations. Pure types, run anywhere.
 *
 * Field types describe the documented wire shape. The gateway may omit any optional field, send
 * `null` or an empty array, and add enum values or fields we do not know, so every enumeration is
 * an open string union and consumers read nested fields defensively (see `presence/wire.ts`).
 */

/** A string union that still accepts any other string: the listed values are the known ones. */
export type Open<Known extends string> = Known | (string & Record<never, never>);

/** State of a call, a leg or a participant. */
export type MediaState = Open<
  | 'UNKNOWN'
  | 'OFF_HOOK'
  | 'IDLE'
  | 'RELEASING'
  | 'DIALING'
  | 'HELD'
  | 'RINGING_INCOMING'
  | 'RINGING_OUTGOING'
  | 'ACTIVE'
>;

/** Why a call changed or went away (identical in every SDK; meanings in protocol §7.7). */
export type Cause = Open<
  | 'ABANDONED'
  | 'ALL_TRUNK_BUSY'
  | 'BUSY'
  | 'CLEARED'
  | 'PARTICIPANT_LEFT'
  | 'CONFERENCED'
  | 'INVALID_NUMBER'
  | 'DESTINATION_NOT_OBTAINABLE'
  | 'DO_NOT_DISTURB'
  | 'FORWARDED'
  | 'NOT_ANSWERED'
  | 'PICKED_UP'
  | 'PARKED'
  | 'REDIRECTED'
  | 'OVERFLOWN'
  | 'TRANSFERRED'
  | 'CAMP_ON'
  | 'UNKNOWN'
  | 'PICKED_UP_TANDEM'
  | 'CALL_BACK'
  | 'RECALL'
  | 'DISTRIBUTED'
  | 'ACD_ENTER_DISTRIBUTION'
  | 'RESOURCES_NOT_AVAILABLE'
  | 'SUPERVISOR_LISTENING'
  | 'SUPERVISOR_INTRUSION'
  | 'SUPERVISOR_RESTRICT_INTRUSION'
  | 'NO_AVAILABLE_AGENT'
  | 'LOCKOUT'
>;

export type UserState = Open<'FREE' | 'BUSY' | 'UNKNOWN'>;
export type OperationalState = Open<'IN_SERVICE' | 'OUT_OF_SERVICE' | 'UNKNOWN'>;
export type PartyType = Open<'USER' | 'DEVICE' | 'SERVICE' | 'EXTERNAL' | 'UNKNOWN'>;

/** Identity of a party. Names may be absent, `null` or empty (field report F8). */
export interface PartyInfo {
  readonly id?: {
    readonly loginName?: string | null;
    readonly phoneNumber?: string | null;
    readonly multiLine?: boolean;
  } | null;
  readonly firstName?: string | null;
  readonly lastName?: string | null;
  readonly displayName?: string | null;
  readonly type?: { readonly main?: PartyType; readonly subType?: string } | null;
}

/** A remote party of a call; the local user appears through legs instead. */
export interface Participant {
  readonly participantId?: string;
  readonly identity?: PartyInfo | null;
  /** The caller withheld their identity. */
  readonly anonymous?: boolean;
  readonly undroppable?: boolean;
  readonly state?: MediaState;
}

/** Boolean capabilities; unknown names are kept. */
export type Capabilities<Known extends string> = {
  readonly [name in Known]?: boolean;
} & { readonly [name: string]: unknown };

export type LegCapabilities = Capabilities<
  | 'answer'
  | 'drop'
  | 'hold'
  | 'retrieve'
  | 'reconnect'
  | 'mute'
  | 'unMute'
  | 'sendDtmf'
  | 'switchDevice'
>;

/** One of the user's own devices taking part in a call. */
export interface Leg {
  readonly deviceId: string;
  readonly state?: MediaState;
  /** The far end is ringing. */
  readonly ringingRemote?: boolean;
  readonly capabilities?: LegCapabilities | null;
  readonly media?: string;
}

export type CallCapabilities = Capabilities<
  | 'addDevice'
  | 'addParticipant'
  | 'transfer'
  | 'blindTransfer'
  | 'merge'
  | 'redirect'
  | 'pickedUp'
  | 'redirectToVoiceMail'
  | 'overflowToVoiceMail'
  | 'dropMe'
  | 'terminate'
  | 'reject'
  | 'callBack'
  | 'park'
  | 'startRecord'
  | 'stopRecord'
>;

export interface CallData {
  /** The number originally dialled: differs from the user's own for group or forwarded calls. */
  readonly initialCalled?: PartyInfo | null;
  readonly lastRedirecting?: PartyInfo | null;
  readonly deviceCall?: boolean;
  readonly anonymous?: boolean;
  readonly callUUID?: string;
  /** Global call state. */
  readonly state?: MediaState;
  readonly recordState?: Open<'RECORDING' | 'PAUSED' | 'UNKNOWN'>;
  readonly tags?: readonly { readonly name: string; readonly value?: string }[];
  readonly capabilities?: CallCapabilities | null;
  readonly associatedData?: string;
  readonly hexaBinaryAssociatedData?: string;
  readonly accountInfo?: string;
}

export interface DeviceCapabilities {
  readonly deviceId: string;
  readonly makeCall?: boolean;
  readonly makeBusinessCall?: boolean;
  readonly makePrivateCall?: boolean;
  readonly unParkCall?: boolean;
}

export interface DeviceState {
  readonly deviceId: string;
  readonly state: OperationalState;
}
