/**
 * The presence reducer on call sequences: the wire-observed answered call, missed and
 * answered-elsewhere calls, replacements, late and duplicate events, other users (F7 included).
 */
import { describe, expect, it } from 'vitest';
import { reducePresence } from '../../shared/presence/index.js';
import { CR_LINE, E1_LINE, event, eventOf, US_LINE } from './fixtures.js';
import { changeLog, last, onlineState, run } from './presence-harness.js';

const ringingLeg = { deviceId: '31001', state: 'RINGING_INCOMING', capabilities: { answer: true } };
const caller = {
  participantId: 'p-31033',
  identity: { id: { phoneNumber: '31033' }, firstName: 'Maren', lastName: 'Okafor' },
};
const created = (callRef: string, extra: Record<string, unknown> = {}) =>
  event('OnCallCreated', {
    callRef,
    cause: 'UNKNOWN',
    initiator: 'p-31033',
    callData: {
      state: 'RINGING_INCOMING',
      initialCalled: { id: { phoneNumber: '31001' } },
      capabilities: { redirect: true, redirectToVoiceMail: true },
    },
    legs: [ringingLeg],
    participants: [caller],
    ...extra,
  });
const modified = (callRef: string, fields: Record<string, unknown>) =>
  event('OnCallModified', { callRef, ...fields });
const userState = (state: string) => event('OnUserStateModified', { state });
const removed = (callRef: string, cause?: string) =>
  event('OnCallRemoved', cause === undefined ? { callRef } : { callRef, cause });

describe('the wire-observed answered call (protocol §8.8)', () => {
  const steps = run([
    userState('FREE'),
    created('7c21'),
    modified('7c21', {
      callData: { state: 'ACTIVE', capabilities: { terminate: true } },
      modifiedLegs: [
        { deviceId: '31001', state: 'ACTIVE', capabilities: { drop: true, hold: true } },
      ],
      addedLegs: [],
      removedLegs: [],
    }),
    userState('BUSY'),
    modified('7c21', {
      cause: 'CLEARED',
      callData: { state: 'RELEASING' },
      modifiedLegs: [{ deviceId: '31001', state: 'RELEASING' }],
      removedParticipantIds: ['p-31033'],
    }),
    removed('7c21'),
    userState('FREE'),
  ]);

  it('goes free, ringing, busy (answered, then BUSY, releasing, removed), free', () => {
    expect(steps.map((step) => step.tray)).toEqual([
      'free',
      'ringing',
      'busy',
      'busy',
      'busy',
      'busy',
      'free',
    ]);
  });

  it('shows the alert on creation and closes it as answered', () => {
    expect(changeLog(steps)).toEqual(['show 7c21', 'close 7c21 answered']);
    const shown = steps[1]?.changes[0];
    expect(shown).toMatchObject({
      action: 'show',
      alert: {
        callRef: '7c21',
        since: 2000,
        canAnswer: true,
        canSendToVoicemail: true,
        caller: { name: 'Maren Okafor', number: '31033', via: null },
      },
    });
    expect(steps[1]?.tooltip).toBe('Ringing: Maren Okafor, 31033');
  });

  it('forgets the call once removed', () => {
    expect(last(steps).state.calls.size).toBe(0);
    expect(last(steps).state.alerts.size).toBe(0);
  });
});

describe('calls that were not answered here', () => {
  it('closes as missed when removed with NOT_ANSWERED (F1 E1 then CR)', () => {
    const steps = run([userState('FREE'), eventOf(E1_LINE), eventOf(CR_LINE)]);
    expect(changeLog(steps)).toEqual(['show 7001', 'close 7001 missed']);
    expect(steps.map((s) => s.tray)).toEqual(['free', 'ringing', 'free']);
  });

  it('closes as missed when the caller gives up (releasing, ABANDONED) and ignores the removal', () => {
    const steps = run([
      created('7010'),
      modified('7010', {
        cause: 'ABANDONED',
        callData: { state: 'RELEASING' },
        modifiedLegs: [{ deviceId: '31001', state: 'RELEASING' }],
      }),
      removed('7010', 'ABANDONED'),
    ]);
    expect(changeLog(steps)).toEqual(['show 7010', 'close 7010 missed']);
  });

  it('closes as missed when a ringing call is removed without a cause', () => {
    expect(changeLog(run([created('7011'), removed('7011')]))).toEqual([
      'show 7011',
      'close 7011 missed',
    ]);
  });

  it('judges only the latest cause: a call forwarded to us that the caller drops is missed', () => {
    const steps = run([created('7015', { cause: 'FORWARDED' }), removed('7015')]);
    expect(changeLog(steps)).toEqual(['show 7015', 'close 7015 missed']);
  });

  it('falls back to the call state when legs come without a state', () => {
    const steps = run([
      created('7016', { legs: [{ deviceId: '31001' }] }),
      modified('7016', { callData: { state: 'ACTIVE' } }),
    ]);
    expect(changeLog(steps)).toEqual(['show 7016', 'close 7016 answered']);
  });

  it('closes as answered elsewhere when picked up by a colleague', () => {
    expect(changeLog(run([created('7012'), removed('7012', 'PICKED_UP')]))).toEqual([
      'show 7012',
      'close 7012 answered-elsewhere',
    ]);
  });

  it('closes as answered elsewhere when our leg leaves a call someone else answered', () => {
    const steps = run([
      created('7013'),
      modified('7013', {
        callData: { state: 'ACTIVE' },
        removedLegs: [{ deviceId: '31001' }],
        modifiedParticipants: [{ participantId: 'p-31033', state: 'ACTIVE' }],
      }),
    ]);
    expect(changeLog(steps)).toEqual(['show 7013', 'close 7013 answered-elsewhere']);
    expect(last(steps).tray).not.toBe('busy');
  });

  it('closes as ended when the call is redirected to voicemail', () => {
    expect(changeLog(run([created('7014'), removed('7014', 'REDIRECTED')]))).toEqual([
      'show 7014',
      'close 7014 ended',
    ]);
  });
});

describe('several devices and several calls', () => {
  it('closes as answered when the user picks up on another of their own devices', () => {
    const softphoneLeg = { ...ringingLeg, deviceId: '31501' };
    const steps = run([
      created('7060', { legs: [ringingLeg, softphoneLeg] }),
      modified('7060', {
        callData: { state: 'ACTIVE' },
        modifiedLegs: [{ deviceId: '31501', state: 'ACTIVE' }],
        removedLegs: [{ deviceId: '31001' }],
      }),
    ]);
    expect(changeLog(steps)).toEqual(['show 7060', 'close 7060 answered']);
    expect(last(steps).state.calls.get('7060')?.legs).toHaveLength(1);
  });

  it('rings over a call in progress and goes back to busy when the second call is missed', () => {
    const steps = run([
      created('7070'),
      modified('7070', { modifiedLegs: [{ deviceId: '31001', state: 'ACTIVE' }] }),
      userState('BUSY'),
      created('7071'),
      removed('7071', 'ABANDONED'),
    ]);
    expect(steps.map((s) => s.tray)).toEqual(['ringing', 'busy', 'busy', 'ringing', 'busy']);
    expect(changeLog(steps)).toEqual([
      'show 7070',
      'close 7070 answered',
      'show 7071',
      'close 7071 missed',
    ]);
  });

  it('updates an open alert in place when the caller becomes known later', () => {
    const steps = run([
      created('7080', { participants: [] }),
      modified('7080', { addedParticipants: [caller] }),
    ]);
    expect(changeLog(steps)).toEqual(['show 7080', 'show 7080']);
    expect(steps[0]?.changes[0]).toMatchObject({ alert: { caller: { name: 'Unknown caller' } } });
    expect(steps[1]?.changes[0]).toMatchObject({
      alert: { since: 1000, caller: { name: 'Maren Okafor' } },
    });
  });
});

describe('F7: events for calls the client never saw created', () => {
  const steps = run([
    modified('7005', { modifiedLegs: [{ deviceId: '31001', state: 'ACTIVE' }] }),
    eventOf(US_LINE),
    removed('7005'),
    removed('7005'),
    modified('7007', {
      previousCallRef: '7006',
      callData: { state: 'ACTIVE' },
      modifiedLegs: [{ deviceId: '31001', state: 'ACTIVE' }],
    }),
    userState('FREE'),
  ]);

  it('raises no alert and goes busy then free', () => {
    expect(changeLog(steps)).toEqual([]);
    expect(steps.map((s) => s.tray)).toEqual(['busy', 'busy', 'busy', 'busy', 'busy', 'free']);
  });

  it('treats the duplicate removal as a no-op', () => {
    expect(steps[3]?.state).toBe(steps[2]?.state);
  });

  it('opens an alert for a never-seen call only when it really rings incoming', () => {
    const ringing = run([
      modified('7008', { modifiedLegs: [{ deviceId: '31001', state: 'RINGING_INCOMING' }] }),
    ]);
    expect(changeLog(ringing)).toEqual(['show 7008']);
    const outgoing = run([
      modified('7009', {
        callData: { state: 'RINGING_OUTGOING' },
        modifiedLegs: [{ deviceId: '31001', state: 'RINGING_OUTGOING', ringingRemote: true }],
      }),
    ]);
    expect(changeLog(outgoing)).toEqual([]);
    expect(last(outgoing).state.calls.get('7009')?.direction).toBe('outgoing');
  });
});

describe('call hand-overs and stray events', () => {
  it('moves an alert to the call that replaces it (previousCallRef), keeping the call age', () => {
    const steps = run([
      created('7020'),
      modified('7021', { previousCallRef: '7020', addedLegs: [ringingLeg] }),
    ]);
    expect(changeLog(steps)).toEqual(['show 7020', 'close 7020 ended', 'show 7021']);
    const state = last(steps).state;
    expect([...state.calls.keys()]).toEqual(['7021']);
    expect(state.calls.get('7021')?.since).toBe(1000);
    expect(state.alerts.get('7021')?.caller.name).toBe('Maren Okafor');
  });

  it('drops a call released with replacedByCallRef; its successor inherits age and direction', () => {
    const steps = run([
      created('7030'),
      modified('7030', { replacedByCallRef: '7031', callData: { state: 'RELEASING' } }),
      modified('7031', { modifiedLegs: [{ deviceId: '31001', state: 'ACTIVE' }] }),
    ]);
    const call = last(steps).state.calls.get('7031');
    expect(last(steps).state.calls.has('7030')).toBe(false);
    expect(call).toMatchObject({ since: 1000, direction: 'incoming' });
  });

  it('ignores a late modification of a call that was just removed', () => {
    const steps = run([
      created('7040'),
      removed('7040'),
      modified('7040', { callData: { state: 'ACTIVE' } }),
    ]);
    expect(steps[2]?.state).toBe(steps[1]?.state);
  });

  it('accepts a call reference created again after its removal', () => {
    const steps = run([created('7041'), removed('7041'), created('7041')]);
    expect(changeLog(steps)).toEqual(['show 7041', 'close 7041 missed', 'show 7041']);
  });

  it('ignores every event about another user, returning the same state', () => {
    const start = onlineState();
    const other = { loginName: 'oxe31002' };
    for (const foreign of [
      { ...created('7050'), ...other },
      { ...userState('BUSY'), ...other },
      {
        ...event('OnRoutingStateChanged', { routingState: { dndState: { activate: true } } }),
        ...other,
      },
      { ...event('OnEventSummaryUpdated', { eventSummary: { missedCallsNb: 9 } }), ...other },
    ]) {
      expect(reducePresence(start, foreign, 1)).toBe(start);
    }
  });

  it('matches its own login regardless of case', () => {
    const next = reducePresence(onlineState(), { ...userState('BUSY'), loginName: 'OXE31001' }, 1);
    expect(next.userState).toBe('BUSY');
  });
});
