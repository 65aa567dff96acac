/**
 * The event traffic of the long-run benchmark (plain Node, bench process): a busy desk's day as
 * wire lines for one user. Each cycle is ten events: a call rings and is answered, a second call
 * rings during it, its caller's name arrives, it is missed, the counters move, the first call
 * ends, the user is free again, and a heartbeat. Every call ends within its cycle.
 */

export const EVENTS_PER_CYCLE = 10;

export interface Desk {
  readonly loginName: string;
  readonly extension: string;
}

const NAMES = [
  ['Hélène', 'Le Bihan'],
  ['Søren', 'Ødegård'],
  ['Zoë', "O'Brien"],
  ['Marc', 'Olivier'],
];

function ringing(desk: Desk, callRef: string, n: number, withName: boolean): object {
  const [firstName, lastName] = NAMES[n % NAMES.length] ?? ['A', 'B'];
  const number = `02401${String(n % 100_000).padStart(5, '0')}`;
  return {
    eventName: 'OnCallCreated',
    loginName: desk.loginName,
    callRef,
    cause: 'UNKNOWN',
    initiator: `p-${callRef}`,
    callData: {
      initialCalled: { id: { phoneNumber: desk.extension } },
      deviceCall: false,
      anonymous: false,
      callUUID: `5e0d2a71-93c4-4f8e-b1aa-${String(n).padStart(12, '0')}`,
      state: 'RINGING_INCOMING',
      tags: [],
      capabilities: { redirect: true, redirectToVoiceMail: true, terminate: true, reject: true },
    },
    legs: [
      {
        deviceId: desk.extension,
        media: 'AUDIO',
        state: 'RINGING_INCOMING',
        ringingRemote: false,
        capabilities: { answer: true, drop: true },
      },
    ],
    participants: [
      {
        participantId: `p-${callRef}`,
        identity: {
          id: { phoneNumber: number },
          ...(withName ? { firstName, lastName } : {}),
          type: { main: 'EXTERNAL', subType: 'public' },
        },
        anonymous: false,
        undroppable: false,
        state: 'ACTIVE',
      },
    ],
    deviceCapabilities: [{ deviceId: desk.extension, makeCall: true, unParkCall: true }],
  };
}

function modified(desk: Desk, callRef: string, changes: object): object {
  return {
    eventName: 'OnCallModified',
    loginName: desk.loginName,
    callRef,
    addedLegs: [],
    removedLegs: [],
    modifiedParticipants: [],
    addedParticipants: [],
    removedParticipantIds: [],
    deviceCapabilities: [],
    ...changes,
  };
}

/** The ten events of cycle `n`; the counters event carries `missedCallsNb: n` as a marker. */
export function cycleEvents(desk: Desk, n: number): object[] {
  const first = `a${n.toString(16)}`;
  const second = `b${n.toString(16)}`;
  const user = (state: string) => ({
    eventName: 'OnUserStateModified',
    loginName: desk.loginName,
    state,
  });
  const [firstName, lastName] = NAMES[(n + 1) % NAMES.length] ?? ['A', 'B'];
  return [
    ringing(desk, first, n, true),
    modified(desk, first, {
      callData: { state: 'ACTIVE', capabilities: { terminate: true, transfer: true } },
      modifiedLegs: [
        {
          deviceId: desk.extension,
          media: 'AUDIO',
          state: 'ACTIVE',
          capabilities: { drop: true, hold: true },
        },
      ],
    }),
    user('BUSY'),
    ringing(desk, second, n + 1, false),
    modified(desk, second, {
      modifiedParticipants: [
        {
          participantId: `p-${second}`,
          identity: { id: { phoneNumber: '0240100001' }, firstName, lastName },
        },
      ],
    }),
    {
      eventName: 'OnCallRemoved',
      loginName: desk.loginName,
      callRef: second,
      cause: 'NOT_ANSWERED',
    },
    {
      eventName: 'OnEventSummaryUpdated',
      loginName: desk.loginName,
      eventSummary: {
        missedCallsNb: n,
        voiceMessagesNb: n % 3,
        callBackRequestsNb: 0,
        faxNb: 0,
        newTextNb: 0,
        oldTextNb: 2,
        eventWaiting: true,
      },
    },
    { eventName: 'OnCallRemoved', loginName: desk.loginName, callRef: first, cause: 'CLEARED' },
    user('FREE'),
    { eventName: 'OnChannelInformation', text: 'keepalive' },
  ];
}

/** Cycles `from` .. `from + count - 1` as one CRLF-terminated chunk, as the gateway writes. */
export function cycleBytes(desk: Desk, from: number, count: number): Buffer {
  const lines: string[] = [];
  for (let n = from; n < from + count; n += 1) {
    for (const event of cycleEvents(desk, n)) lines.push(JSON.stringify(event));
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}
