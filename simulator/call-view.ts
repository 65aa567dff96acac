// How a call looks from one side (plain Node): legs, participants, call data and capabilities in
// the shapes of protocol §7-8, for the events and for the REST telephony state.
import type { SimulatorUser } from './options.js';

export interface ExternalParty {
  kind: 'external';
  number: string;
  firstName?: string;
  lastName?: string;
  displayName?: string;
  anonymous: boolean;
}

export interface UserParty {
  kind: 'user';
  user: SimulatorUser;
}

export interface ServiceParty {
  kind: 'service';
  number: string;
  displayName: string;
  subType: string;
}

export type Party = ExternalParty | UserParty | ServiceParty;

export type Side = 'caller' | 'callee';

export interface Call {
  readonly ref: string;
  readonly uuid: string;
  caller: Party;
  callee: Party;
  /** Number first dialled, kept when the call is redirected. */
  readonly initialCalled: string;
  lastRedirecting: Party | undefined;
  phase: 'ringing' | 'active';
  held: { caller: boolean; callee: boolean };
}

export function other(side: Side): Side {
  return side === 'caller' ? 'callee' : 'caller';
}

export function partyNumber(party: Party): string {
  return party.kind === 'user' ? party.user.extension : party.number;
}

export function sameUser(a: Party, b: Party): boolean {
  return a.kind === 'user' && b.kind === 'user' && a.user.loginName === b.user.loginName;
}

export function participantId(party: Party): string {
  if (party.kind === 'external' && party.anonymous) return 'p-anonymous';
  return `p-${partyNumber(party)}`;
}

export function identityOf(party: Party): Record<string, unknown> {
  if (party.kind === 'user') {
    const { loginName, extension, firstName, lastName } = party.user;
    return {
      id: { loginName, phoneNumber: extension },
      ...(firstName ? { firstName } : {}),
      ...(lastName ? { lastName } : {}),
      type: { main: 'USER' },
    };
  }
  if (party.kind === 'service') {
    return {
      id: { phoneNumber: party.number },
      displayName: party.displayName,
      type: { main: 'SERVICE', subType: party.subType },
    };
  }
  if (party.anonymous) return { id: {}, type: { main: 'EXTERNAL', subType: 'public' } };
  return {
    id: { phoneNumber: party.number },
    ...(party.firstName ? { firstName: party.firstName } : {}),
    ...(party.lastName ? { lastName: party.lastName } : {}),
    ...(party.displayName ? { displayName: party.displayName } : {}),
    type: { main: 'EXTERNAL', subType: 'public' },
  };
}

function isAnonymous(party: Party): boolean {
  return party.kind === 'external' && party.anonymous;
}

/** Media state of `side`'s own device. */
export function legState(call: Call, side: Side): string {
  if (call.phase === 'ringing') return side === 'caller' ? 'RINGING_OUTGOING' : 'RINGING_INCOMING';
  return call.held[side] ? 'HELD' : 'ACTIVE';
}

export function legOf(call: Call, side: Side, state = legState(call, side)): object {
  const party = call[side];
  const capabilities =
    state === 'RINGING_INCOMING'
      ? { answer: true, drop: true, hold: false, retrieve: false, sendDtmf: false }
      : state === 'RINGING_OUTGOING'
        ? { answer: false, drop: true, hold: false, retrieve: false, sendDtmf: false }
        : state === 'HELD'
          ? { answer: false, drop: true, hold: false, retrieve: true, sendDtmf: false }
          : state === 'ACTIVE'
            ? { answer: false, drop: true, hold: true, retrieve: false, sendDtmf: true }
            : { answer: false, drop: true, hold: false, retrieve: false, sendDtmf: false };
  return {
    deviceId: partyNumber(party),
    media: 'AUDIO',
    state,
    ringingRemote: state === 'RINGING_OUTGOING',
    capabilities,
  };
}

/** The far party as `side` sees it. */
export function participantOf(call: Call, side: Side): object {
  const far = call[other(side)];
  const state =
    call.phase === 'ringing'
      ? side === 'caller'
        ? 'RINGING_INCOMING'
        : 'ACTIVE'
      : call.held[other(side)]
        ? 'HELD'
        : 'ACTIVE';
  return {
    participantId: participantId(far),
    identity: identityOf(far),
    anonymous: isAnonymous(far),
    undroppable: false,
    state,
  };
}

export function callDataOf(call: Call, side: Side, state = legState(call, side)): object {
  const ringingIn = state === 'RINGING_INCOMING';
  return {
    initialCalled: { id: { phoneNumber: call.initialCalled } },
    ...(call.lastRedirecting ? { lastRedirecting: identityOf(call.lastRedirecting) } : {}),
    deviceCall: false,
    anonymous: isAnonymous(call.caller),
    callUUID: call.uuid,
    state,
    tags: [],
    capabilities: {
      redirect: ringingIn,
      redirectToVoiceMail: ringingIn,
      overflowToVoiceMail: state === 'RINGING_OUTGOING',
      pickedUp: ringingIn,
      reject: ringingIn,
      terminate: true,
      dropMe: true,
      transfer: state === 'ACTIVE',
      blindTransfer: state === 'ACTIVE',
      startRecord: state === 'ACTIVE',
      callBack: side === 'callee' && !isAnonymous(call.caller),
    },
  };
}

export function deviceCapabilitiesOf(user: SimulatorUser): object[] {
  return [
    {
      deviceId: user.extension,
      makeCall: true,
      makeBusinessCall: true,
      makePrivateCall: false,
      unParkCall: true,
    },
  ];
}

/** A call as the REST telephony service returns it. */
export function restCallOf(call: Call, side: Side): object {
  return {
    callRef: call.ref,
    callData: callDataOf(call, side),
    legs: [legOf(call, side)],
    participants: [participantOf(call, side)],
  };
}
