/**
 * Loading whole pictures into the model: the telephony snapshot (REST answer and event, nested
 * or flat deviceStates), counters, routing, the user; and connection changes.
 */
import { describe, expect, it } from 'vitest';
import {
  deriveTrayState,
  diffAlerts,
  initialPresenceState,
  loadCounters,
  loadRouting,
  loadTelephonySnapshot,
  loadUser,
  reducePresence,
  setConnection,
  expireOfflineAlerts,
  toPresenceView,
} from '../../shared/presence/index.js';
import { E1_LINE, event, eventOf } from './fixtures.js';
import { last, onlineState, run } from './presence-harness.js';

const activeCall = {
  callRef: '8001',
  callData: { state: 'ACTIVE', anonymous: false },
  legs: [{ deviceId: '31001', state: 'ACTIVE', capabilities: { drop: true } }],
  participants: [{ participantId: 'p-9', identity: { id: { phoneNumber: '31033' } } }],
};

describe('telephony snapshot', () => {
  it('replaces the call table: a call that ended offline goes and its alert closes as ended', () => {
    const ringing = last(run([eventOf(E1_LINE)])).state;
    const next = loadTelephonySnapshot(
      ringing,
      { userState: 'BUSY', calls: [activeCall], deviceStates: { deviceStates: [] } },
      5000,
    );
    expect([...next.calls.keys()]).toEqual(['8001']);
    expect(diffAlerts(ringing, next)).toEqual([
      { action: 'close', callRef: '7001', reason: 'ended' },
    ]);
    expect(deriveTrayState(next)).toBe('busy');
    expect(next.calls.get('8001')?.since).toBe(5000);
  });

  it('keeps the age of a call it already knew and opens an alert for a ringing one', () => {
    const ringing = last(run([eventOf(E1_LINE)])).state;
    const snapshotCall = {
      callRef: '7001',
      callData: { state: 'RINGING_INCOMING', capabilities: { redirect: false } },
      legs: [{ deviceId: '31001', state: 'RINGING_INCOMING', capabilities: { answer: true } }],
      participants: [{ participantId: 'p-1', identity: { displayName: 'Marc Olivier' } }],
    };
    const next = loadTelephonySnapshot(ringing, { calls: [snapshotCall] }, 9000);
    expect(next.calls.get('7001')?.since).toBe(1000);
    expect(diffAlerts(ringing, next)).toEqual([
      {
        action: 'show',
        alert: expect.objectContaining({
          callRef: '7001',
          since: 1000,
          canAnswer: true,
          canSendToVoicemail: false,
        }),
      },
    ]);
  });

  it('loads OnTelephonyState with deviceStates nested or flat alike', () => {
    const base = { userState: 'BUSY', calls: [activeCall] };
    const nested = {
      ...base,
      deviceStates: { deviceStates: [{ deviceId: '31001', state: 'IN_SERVICE' }] },
    };
    const flat = { ...base, deviceStates: [{ deviceId: '31001', state: 'IN_SERVICE' }] };
    const states = [nested, flat].map((state) =>
      reducePresence(onlineState(), event('OnTelephonyState', { state }), 1),
    );
    expect(states.map((s) => [...s.deviceStates])).toEqual([
      [['31001', 'IN_SERVICE']],
      [['31001', 'IN_SERVICE']],
    ]);
    const views = states.map(toPresenceView);
    expect(views[0]).toEqual(views[1]);
    expect(views[0]?.calls.map((c) => c.callRef)).toEqual(['8001']);
    expect(views[0]?.userState).toBe('BUSY');
  });

  it('updates device states from OnDeviceStateModified; a snapshot replaces them all', () => {
    let state = reducePresence(
      onlineState(),
      event('OnDeviceStateModified', {
        deviceStates: [
          { deviceId: '31001', state: 'IN_SERVICE' },
          { deviceId: '31501', state: 'OUT_OF_SERVICE' },
          { deviceId: 5, state: 'IN_SERVICE' },
        ],
      }),
      1,
    );
    expect(Object.fromEntries(state.deviceStates)).toEqual({
      '31001': 'IN_SERVICE',
      '31501': 'OUT_OF_SERVICE',
    });
    const same = event('OnDeviceStateModified', {
      deviceStates: [{ deviceId: '31001', state: 'IN_SERVICE' }],
    });
    expect(reducePresence(state, same, 2)).toBe(state);
    state = loadTelephonySnapshot(
      state,
      { deviceStates: { deviceStates: [{ deviceId: '31501', state: 'IN_SERVICE' }] } },
      3,
    );
    expect(Object.fromEntries(state.deviceStates)).toEqual({ '31501': 'IN_SERVICE' });
    // A snapshot without the key says nothing about devices.
    expect(loadTelephonySnapshot(state, { calls: [] }, 4).deviceStates).toBe(state.deviceStates);
  });

  it('ignores a snapshot that is not an object and calls without a callRef', () => {
    const start = onlineState();
    expect(loadTelephonySnapshot(start, null, 1)).toBe(start);
    expect(loadTelephonySnapshot(start, [activeCall], 1)).toBe(start);
    const next = loadTelephonySnapshot(start, { calls: [{ callData: {} }, 'x', activeCall] }, 1);
    expect([...next.calls.keys()]).toEqual(['8001']);
  });
});

describe('counters, routing and user', () => {
  it('reads the F1 ES counters and defaults absent ones to 0', () => {
    const state = loadCounters(onlineState(), {
      missedCallsNb: 3,
      voiceMessagesNb: 1,
      eventWaiting: true,
    });
    expect(state.counters).toEqual({
      missedCalls: 3,
      voiceMessages: 1,
      callbackRequests: 0,
      faxes: 0,
      newTexts: 0,
      eventWaiting: true,
    });
  });

  it('treats nonsense counter values as 0 and replaces the whole set each time', () => {
    let state = loadCounters(onlineState(), { missedCallsNb: 3, callBackRequestsNb: 2 });
    state = loadCounters(state, { missedCallsNb: '7', callBackRequestsNb: -1, faxNb: 1.5 });
    expect(state.counters.missedCalls).toBe(0);
    expect(state.counters.callbackRequests).toBe(0);
    expect(state.counters.faxes).toBe(0);
  });

  it('reads DND from the routing state; a missing dndState means off', () => {
    const on = loadRouting(onlineState(), { dndState: { activate: true }, forwardRoutes: [] });
    expect(on.dnd).toBe(true);
    expect(loadRouting(on, { forwardRoutes: [] }).dnd).toBe(false);
  });

  it('loads the user, and ignores a record of another user', () => {
    const user = {
      loginName: 'oxe31001',
      companyPhone: '31001',
      firstName: 'Jonas',
      lastName: null,
      devices: [{ type: 'DESKPHONE', id: '31001' }, { type: 'SOFTPHONE', id: '31501' }, { id: 7 }],
    };
    const state = loadUser(onlineState(), user);
    expect(state.user).toEqual({
      loginName: 'oxe31001',
      companyPhone: '31001',
      firstName: 'Jonas',
      lastName: null,
      devices: ['31001', '31501'],
    });
    expect(loadUser(state, { ...user, loginName: 'oxe31002' })).toBe(state);
  });

  it('applies OnUserInfoChanged through the same loader', () => {
    const next = reducePresence(
      onlineState(),
      event('OnUserInfoChanged', { user: { loginName: 'oxe31001', companyPhone: '31001' } }),
      1,
    );
    expect(next.user?.companyPhone).toBe('31001');
  });
});

describe('connection', () => {
  it('keeps a ringing alert through a short reconnect, the tray offline meanwhile', () => {
    const ringing = last(run([eventOf(E1_LINE)])).state;
    const down = setConnection(ringing, {
      status: 'reconnecting',
      reason: 'certificate not trusted',
    });
    expect(diffAlerts(ringing, down)).toEqual([]);
    expect(deriveTrayState(down)).toBe('offline');
    expect(toPresenceView(down).tooltip).toBe('Reconnecting: certificate not trusted');
    // The engine re-reads the snapshot, then reports online: the call still rings, nothing new.
    const { legs, participants } = JSON.parse(E1_LINE) as Record<string, unknown>;
    const resynced = loadTelephonySnapshot(
      down,
      { calls: [{ callRef: '7001', callData: { state: 'RINGING_INCOMING' }, legs, participants }] },
      9000,
    );
    const back = setConnection(resynced, { status: 'online' });
    expect(diffAlerts(ringing, back)).toEqual([]);
    expect(back.alerts.get('7001')?.since).toBe(1000);
    expect(deriveTrayState(back)).toBe('ringing');
  });

  it('closes the alert as ended when the re-read state no longer has its call', () => {
    const ringing = last(run([eventOf(E1_LINE)])).state;
    const down = setConnection(ringing, { status: 'reconnecting', reason: 'HTTP 503' });
    const resynced = loadTelephonySnapshot(down, { calls: [] }, 9000);
    expect(diffAlerts(down, resynced)).toEqual([
      { action: 'close', callRef: '7001', reason: 'ended' },
    ]);
    expect(diffAlerts(resynced, setConnection(resynced, { status: 'online' }))).toEqual([]);
  });

  it('opens no alert while offline, and alerts what rings once back online', () => {
    const down = setConnection(onlineState(), { status: 'reconnecting', reason: 'HTTP 503' });
    const resynced = loadTelephonySnapshot(
      down,
      { calls: [{ callRef: '7010', callData: { state: 'RINGING_INCOMING' } }] },
      9000,
    );
    expect(resynced.alerts.size).toBe(0);
    const back = setConnection(resynced, { status: 'online' });
    expect(diffAlerts(resynced, back)).toEqual([
      { action: 'show', alert: expect.objectContaining({ callRef: '7010', since: 9000 }) },
    ]);
  });

  it('expires alerts as connection-lost only while still offline', () => {
    const ringing = last(run([eventOf(E1_LINE)])).state;
    expect(expireOfflineAlerts(ringing)).toBe(ringing);
    const down = setConnection(ringing, { status: 'unreachable', reason: 'ECONNREFUSED' });
    const expired = expireOfflineAlerts(down);
    expect(diffAlerts(down, expired)).toEqual([
      { action: 'close', callRef: '7001', reason: 'connection-lost' },
    ]);
    expect(expired.calls.has('7001')).toBe(true);
    // Back online with the call still ringing: it alerts again.
    const back = setConnection(expired, { status: 'online' });
    expect(diffAlerts(expired, back).map((c) => c.action)).toEqual(['show']);
  });

  it('alerts a call found ringing in the first snapshot once the engine reports online', () => {
    const connecting = setConnection(initialPresenceState('oxe31001'), { status: 'connecting' });
    const loaded = loadTelephonySnapshot(
      connecting,
      { userState: 'FREE', calls: [{ callRef: '9', callData: { state: 'RINGING_INCOMING' } }] },
      4000,
    );
    expect(deriveTrayState(loaded)).toBe('offline');
    const online = setConnection(loaded, { status: 'online' });
    expect(diffAlerts(loaded, online).map((c) => c.action)).toEqual(['show']);
    expect(deriveTrayState(online)).toBe('ringing');
  });

  it('keeps calls and alerts through a retry with an error status', () => {
    const ringing = last(run([eventOf(E1_LINE)])).state;
    const retrying = setConnection(ringing, {
      status: 'certificate-untrusted',
      reason: 'certificate not trusted',
      nextAttemptAt: 5000,
    });
    expect(retrying.calls.has('7001')).toBe(true);
    expect(retrying.alerts.has('7001')).toBe(true);
    expect(deriveTrayState(retrying)).toBe('offline');
  });

  it('forgets the phone state when stopped or failing for good', () => {
    const busy = last(
      run([eventOf(E1_LINE), event('OnUserStateModified', { state: 'BUSY' })]),
    ).state;
    const failed = setConnection(busy, { status: 'wrong-credentials' });
    expect(failed.calls.size).toBe(0);
    expect(failed.userState).toBeNull();
    expect(toPresenceView(failed).tooltip).toBe('Offline: wrong login or password');
    expect(deriveTrayState(setConnection(failed, { status: 'online' }))).toBe('unknown');
  });

  it('cleans a reason that quotes the gateway before it reaches a tooltip or terminal', () => {
    const down = setConnection(onlineState(), {
      status: 'reconnecting',
      reason: 'subscription refused: \u001b]0;PWNED\u0007quota\u202e reached\n',
    });
    expect(down.connection.reason).toBe('subscription refused: ]0;PWNED quota reached');
    // eslint-disable-next-line no-control-regex -- the point is to find control characters
    expect(toPresenceView(down).tooltip).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
  });

  it('returns the same state for an unchanged connection', () => {
    const state = onlineState();
    expect(setConnection(state, { status: 'online' })).toBe(state);
  });
});
