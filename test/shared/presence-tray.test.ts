/**
 * Tray state priority and tooltip words, the view's stability, and the model's tolerance of
 * unknown events, enum values and wrong-typed fields, and its bounded memory.
 */
import { describe, expect, it } from 'vitest';
import {
  deriveTrayState,
  describeTray,
  initialPresenceState,
  loadRouting,
  MAX_CALLS,
  MEMORY_LIMIT,
  reducePresence,
  sameView,
  setConnection,
  toPresenceView,
} from '../../shared/presence/index.js';
import type { ConnectionState, PresenceState, TrayState } from '../../shared/presence/index.js';
import { E1_LINE, event, eventOf } from './fixtures.js';
import { last, onlineState, run } from './presence-harness.js';

const activeCall = (callRef: string) =>
  event('OnCallModified', { callRef, modifiedLegs: [{ deviceId: '31001', state: 'ACTIVE' }] });
const userState = (state: string) => event('OnUserStateModified', { state });

function stateWith(options: {
  connection?: ConnectionState;
  ringing?: boolean;
  busy?: boolean;
  dnd?: boolean;
  free?: boolean;
}): PresenceState {
  let state = onlineState();
  if (options.free) state = reducePresence(state, userState('FREE'), 1);
  if (options.busy) state = reducePresence(state, userState('BUSY'), 1);
  if (options.dnd) state = loadRouting(state, { dndState: { activate: true } });
  if (options.ringing) state = reducePresence(state, eventOf(E1_LINE), 1);
  if (options.connection) state = setConnection(state, options.connection);
  return state;
}

describe('tray priority: offline > ringing > busy > dnd > free; unknown before any news', () => {
  const table: [string, Parameters<typeof stateWith>[0], TrayState, string][] = [
    ['nothing known yet', {}, 'unknown', 'Online, phone state not known yet'],
    ['free', { free: true }, 'free', 'Free'],
    ['dnd over free', { free: true, dnd: true }, 'dnd', 'Do not disturb'],
    ['busy over dnd', { busy: true, dnd: true }, 'busy', 'Busy'],
    [
      'ringing over busy',
      { busy: true, dnd: true, ringing: true },
      'ringing',
      'Ringing: Marc Olivier, 0240123456',
    ],
    [
      'offline over ringing',
      { ringing: true, connection: { status: 'reconnecting', reason: 'certificate not trusted' } },
      'offline',
      'Reconnecting: certificate not trusted',
    ],
    ['stopped', { free: true, connection: { status: 'stopped' } }, 'offline', 'Offline'],
    ['connecting', { connection: { status: 'connecting' } }, 'offline', 'Connecting'],
    [
      'reconnecting without reason',
      { busy: true, connection: { status: 'reconnecting' } },
      'offline',
      'Reconnecting',
    ],
    [
      'wrong credentials',
      { connection: { status: 'wrong-credentials', reason: 'HTTP 401' } },
      'offline',
      'Offline: wrong login or password',
    ],
    [
      'untrusted certificate',
      { connection: { status: 'certificate-untrusted' } },
      'offline',
      'Offline: certificate not trusted',
    ],
    [
      'unreachable',
      { connection: { status: 'unreachable' } },
      'offline',
      'Offline: gateway unreachable',
    ],
    [
      'event port',
      { connection: { status: 'event-port-unreachable' } },
      'offline',
      'Offline: event port unreachable',
    ],
  ];

  it.each(table)('%s', (_name, options, tray, tooltip) => {
    const state = stateWith(options);
    expect(deriveTrayState(state)).toBe(tray);
    expect(describeTray(state)).toBe(tooltip);
  });

  it('is offline before the first connection', () => {
    expect(deriveTrayState(initialPresenceState('oxe31001'))).toBe('offline');
  });

  it('shows busy for a call answered before the BUSY event, and lets a later FREE win', () => {
    const steps = run([userState('FREE'), activeCall('1'), userState('FREE')]);
    expect(steps.map((s) => s.tray)).toEqual(['free', 'busy', 'free']);
  });

  it('counts further ringing calls in the tooltip', () => {
    const second = { ...JSON.parse(E1_LINE), callRef: '7002' };
    expect(last(run([eventOf(E1_LINE), second])).tooltip).toBe(
      'Ringing: Marc Olivier, 0240123456 (+1 more)',
    );
  });
});

describe('the view', () => {
  it('is equal for the same state and survives a structured clone', () => {
    const state = last(run([userState('BUSY'), activeCall('2'), eventOf(E1_LINE)])).state;
    const view = toPresenceView(state);
    expect(sameView(view, toPresenceView(state))).toBe(true);
    expect(sameView(view, structuredClone(view))).toBe(true);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it('differs when anything shown changes', () => {
    const state = last(run([eventOf(E1_LINE)])).state;
    const view = toPresenceView(state);
    expect(sameView(view, toPresenceView(reducePresence(state, userState('BUSY'), 5)))).toBe(false);
    expect(sameView(view, { ...view, alerts: [] })).toBe(false);
  });

  it('sorts calls and alerts by age, then reference', () => {
    const events = ['9', '10', '1'].map((callRef) => ({ ...JSON.parse(E1_LINE), callRef }));
    let state = onlineState();
    state = reducePresence(state, events[0], 5);
    state = reducePresence(state, events[1], 5);
    state = reducePresence(state, events[2], 3);
    const view = toPresenceView(state);
    expect(view.calls.map((c) => c.callRef)).toEqual(['1', '10', '9']);
    expect(view.alerts.map((a) => a.callRef)).toEqual(['1', '10', '9']);
    expect(view.calls[0]).toMatchObject({
      state: 'RINGING_INCOMING',
      legState: 'RINGING_INCOMING',
      direction: 'incoming',
    });
  });
});

describe('tolerance', () => {
  it('returns the same state for unknown events and channel information', () => {
    const state = onlineState();
    for (const e of [
      event('OnSomethingNew', {
        callRef: '1',
        legs: [{ deviceId: '31001', state: 'RINGING_INCOMING' }],
      }),
      { eventName: 'OnChannelInformation', text: 'keepalive' },
      event('OnDeviceStateModified', { deviceStates: 'x' }),
      event('OnDynamicStateChanged', { huntingGroupState: { logon: true } }),
      event('OnUserStateModified', { state: null }),
    ]) {
      expect(reducePresence(state, e, 1)).toBe(state);
    }
  });

  it('keeps unknown enum values as they are', () => {
    const state = last(
      run([
        event('OnCallCreated', {
          callRef: '1',
          callData: { state: 'SPLIT_BRAIN' },
          legs: [{ deviceId: '31001', state: 'HOVERING' }],
        }),
        userState('AWAY'),
      ]),
    ).state;
    const view = toPresenceView(state);
    expect(view.calls[0]).toMatchObject({
      state: 'SPLIT_BRAIN',
      legState: 'HOVERING',
      direction: 'unknown',
    });
    expect(view.userState).toBe('AWAY');
    expect(view.tray).toBe('unknown');
  });

  it('survives wrong-typed fields anywhere in a call event', () => {
    const weird = [
      event('OnCallCreated', {
        callRef: '1',
        legs: 'x',
        participants: 5,
        callData: [],
        initiator: {},
      }),
      event('OnCallCreated', {
        callRef: '2',
        legs: [null, 3, { state: 'RINGING_INCOMING' }],
        participants: [null, { identity: 'x' }],
      }),
      event('OnCallModified', {
        callRef: '1',
        modifiedLegs: {},
        removedLegs: [1],
        removedParticipantIds: [null, 5],
        callData: 'x',
      }),
      event('OnCallModified', { callRef: '2', previousCallRef: 42, replacedByCallRef: [] }),
      event('OnCallRemoved', { callRef: '2', cause: { x: 1 } }),
      event('OnTelephonyState', { state: { calls: 'x', userState: 5, deviceStates: 'x' } }),
      event('OnEventSummaryUpdated', { eventSummary: 'x' }),
      event('OnRoutingStateChanged', { routingState: { dndState: 'on' } }),
      event('OnUserInfoChanged', { user: { devices: 'x', companyPhone: 5 } }),
    ];
    const steps = run(weird);
    expect(() => steps.map((s) => toPresenceView(s.state))).not.toThrow();
    expect(steps[1]?.changes.map((c) => c.action)).toEqual(['show']);
    expect(last(steps).state.dnd).toBe(false);
  });
});

describe('bounded memory', () => {
  it('keeps nothing of 20 000 finished calls beyond the small memory', () => {
    let state = onlineState();
    for (let n = 0; n < 20_000; n += 1) {
      const callRef = `c${n}`;
      state = reducePresence(state, { ...JSON.parse(E1_LINE), callRef }, n);
      state = reducePresence(state, event('OnCallRemoved', { callRef, cause: 'NOT_ANSWERED' }), n);
    }
    expect(state.calls.size).toBe(0);
    expect(state.alerts.size).toBe(0);
    expect(state.endedCalls.length).toBeLessThanOrEqual(MEMORY_LIMIT);
    expect(state.closedAlerts.length).toBeLessThanOrEqual(MEMORY_LIMIT);
  });

  it('caps calls that are never removed, dropping the oldest quiet ones', () => {
    let state = onlineState();
    for (let n = 0; n < MAX_CALLS * 3; n += 1)
      state = reducePresence(state, activeCall(`a${n}`), n);
    state = reducePresence(state, eventOf(E1_LINE), 999);
    expect(state.calls.size).toBeLessThanOrEqual(MAX_CALLS);
    expect(state.calls.has('7001')).toBe(true);
    expect(state.calls.has(`a${MAX_CALLS * 3 - 1}`)).toBe(true);
    expect(state.calls.has('a0')).toBe(false);
  });
});
