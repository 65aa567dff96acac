// The telephony model through the event streams of both sides: answered, held, missed,
// abandoned, voicemail, redirect, DND, forwarding, device and user-info changes.
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../simulator/index.js';
import { call, serviceUrl, type RawStream } from './plain-client.js';
import { closeListeners, listener, type Json } from './listeners.js';

let sim: Simulator | undefined;
afterEach(async () => {
  closeListeners();
  await sim?.stop();
  sim = undefined;
});

function at(value: unknown, ...path: Array<string | number>): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

const names = (stream: RawStream) =>
  stream.events
    .slice(1)
    .map((e) => `${String(e.eventName)}${e.state ? `:${String(e.state)}` : ''}`);

describe('an internal call, seen from both sides', () => {
  it('rings, is answered and released with the wire-observed sequence', async () => {
    sim = await startSimulator({ heartbeatMs: null });
    const caller = await listener(sim, 'oxe19140');
    const callee = await listener(sim, 'oxe19141');
    const callRef = await sim.placeCall({ loginName: 'oxe19140' }, 'oxe19141');

    await callee.stream.untilLines(2);
    const created = callee.stream.events[1] as Json;
    expect(created).toMatchObject({
      eventName: 'OnCallCreated',
      loginName: 'oxe19141',
      callRef,
      callData: { state: 'RINGING_INCOMING' },
      legs: [{ deviceId: '19141', state: 'RINGING_INCOMING', capabilities: { answer: true } }],
      participants: [
        {
          identity: {
            id: { loginName: 'oxe19140', phoneNumber: '19140' },
            firstName: 'Camille',
            type: { main: 'USER' },
          },
        },
      ],
    });
    expect(created.initiator).toBe(created.participants[0].participantId);
    await caller.stream.untilLines(3);
    expect(caller.stream.events[1]).toMatchObject({
      eventName: 'OnCallCreated',
      legs: [{ deviceId: '19140', state: 'RINGING_OUTGOING', ringingRemote: true }],
      participants: [{ identity: { id: { loginName: 'oxe19141' } } }],
    });

    await sim.answer(callRef);
    await sim.hangUp(callRef, 'caller');
    await callee.stream.untilLines(7);
    expect(names(callee.stream)).toEqual([
      'OnCallCreated',
      'OnCallModified',
      'OnUserStateModified:BUSY',
      'OnCallModified',
      'OnCallRemoved',
      'OnUserStateModified:FREE',
    ]);
    const [answered, , releasing, removed] = callee.stream.events.slice(2) as Array<Json>;
    expect(answered?.callData.state).toBe('ACTIVE');
    expect(answered?.modifiedLegs[0]).toMatchObject({
      state: 'ACTIVE',
      capabilities: { hold: true },
    });
    expect(releasing).toMatchObject({ cause: 'CLEARED', callData: { state: 'RELEASING' } });
    expect(releasing?.removedParticipantIds).toEqual([created.participants[0].participantId]);
    expect(removed).toMatchObject({ callRef, cause: 'CLEARED' });

    await caller.stream.untilLines(6);
    expect(names(caller.stream)).toEqual([
      'OnCallCreated',
      'OnUserStateModified:BUSY',
      'OnCallModified',
      'OnCallRemoved',
      'OnUserStateModified:FREE',
    ]);
  });

  it('leaves empty arrays out of call events when configured to', async () => {
    sim = await startSimulator({ heartbeatMs: null, emptyArrays: 'omit' });
    const callee = await listener(sim, 'oxe19141');
    const callRef = await sim.placeCall({ number: '0240123456' }, 'oxe19141');
    await sim.answer(callRef);
    await callee.stream.untilLines(3);
    const answered = callee.stream.events[2] as Json;
    expect(answered).toMatchObject({
      eventName: 'OnCallModified',
      modifiedLegs: [{ state: 'ACTIVE' }],
    });
    for (const key of ['addedLegs', 'removedLegs', 'removedParticipantIds', 'deviceCapabilities']) {
      expect(answered).not.toHaveProperty(key);
    }
    expect(answered.callData).not.toHaveProperty('tags');
  });

  it('holds and retrieves: the holder sees HELD, the other side a held participant', async () => {
    sim = await startSimulator({ heartbeatMs: null });
    const caller = await listener(sim, 'oxe19140');
    const callee = await listener(sim, 'oxe19141');
    const callRef = await sim.placeCall({ loginName: 'oxe19140' }, 'oxe19141');
    await sim.answer(callRef);
    await sim.hold(callRef, 'callee');
    await callee.stream.until(
      (s) => s.events.some((e) => at(e, 'callData', 'state') === 'HELD'),
      'held',
    );
    await caller.stream.until(
      (s) => s.events.some((e) => at(e, 'modifiedParticipants', 0, 'state') === 'HELD'),
      'held participant',
    );
    await sim.retrieve(callRef, 'callee');
    await callee.stream.until(
      (s) => at(s.events.at(-1), 'callData', 'state') === 'ACTIVE',
      'retrieved',
    );
    await expect(sim.retrieve(callRef, 'callee')).rejects.toMatchObject({ status: 403 });
  });
});

describe('missed calls, voicemail and DND', () => {
  it('a call that rings out is removed with NOT_ANSWERED and raises the missed counter', async () => {
    sim = await startSimulator({ heartbeatMs: null });
    const { who, stream } = await listener(sim, 'oxe31001');
    const callRef = await sim.placeCall(
      { number: '+33298765432', name: { firstName: 'Hélène', lastName: 'Le Bihan' } },
      'oxe31001',
    );
    await sim.ringOut(callRef);
    await stream.untilLines(4);
    expect(stream.events[1]).toMatchObject({
      participants: [
        {
          identity: {
            id: { phoneNumber: '+33298765432' },
            firstName: 'Hélène',
            lastName: 'Le Bihan',
            type: { main: 'EXTERNAL' },
          },
        },
      ],
    });
    expect(stream.events.slice(2)).toMatchObject([
      { eventName: 'OnCallRemoved', callRef, cause: 'NOT_ANSWERED' },
      {
        eventName: 'OnEventSummaryUpdated',
        eventSummary: { missedCallsNb: 1, voiceMessagesNb: 0 },
      },
    ]);
    expect((await call(who, 'GET', serviceUrl(who, 'eventsummary'))).json).toMatchObject({
      missedCallsNb: 1,
    });
  });

  it('an abandoned call counts as missed; a withheld caller has no number', async () => {
    sim = await startSimulator({ heartbeatMs: null });
    const { stream } = await listener(sim, 'oxe31001');
    const callRef = await sim.placeCall({ number: '0240123456', anonymous: true }, 'oxe31001');
    await sim.hangUp(callRef, 'caller');
    await stream.untilLines(4);
    const created = stream.events[1] as Json;
    expect(created.callData.anonymous).toBe(true);
    expect(created.participants[0].anonymous).toBe(true);
    expect(JSON.stringify(created)).not.toContain('0240123456');
    expect(stream.events[2]).toMatchObject({ eventName: 'OnCallRemoved', cause: 'ABANDONED' });
    expect(stream.events[3]).toMatchObject({ eventSummary: { missedCallsNb: 1 } });
  });

  it('a voicemail deposit raises voiceMessagesNb and the waiting flag', async () => {
    sim = await startSimulator({ heartbeatMs: null });
    const { stream } = await listener(sim, 'oxe31001');
    await sim.leaveVoicemail('oxe31001');
    await stream.untilLines(2);
    expect(stream.events[1]).toMatchObject({
      eventName: 'OnEventSummaryUpdated',
      loginName: 'oxe31001',
      eventSummary: { voiceMessagesNb: 1, missedCallsNb: 0, eventWaiting: true },
    });
  });

  it('redirecting a ringing call to VOICEMAIL removes it as REDIRECTED and deposits a message', async () => {
    sim = await startSimulator({ heartbeatMs: null, voicemailNumber: '39000' });
    const { who, stream } = await listener(sim, 'oxe31001');
    const callRef = await sim.placeCall({ number: '0240123456' }, 'oxe31001');
    const telephony = serviceUrl(who, 'telephony');
    const answer = await call(who, 'POST', `${telephony}/calls/${callRef}/redirect`, {
      redirectTo: 'VOICEMAIL',
    });
    expect(answer.status).toBe(204);
    await stream.untilLines(4);
    expect(stream.events.slice(2)).toMatchObject([
      { eventName: 'OnCallRemoved', callRef, cause: 'REDIRECTED', newDestination: '39000' },
      {
        eventName: 'OnEventSummaryUpdated',
        eventSummary: { voiceMessagesNb: 1, missedCallsNb: 0 },
      },
    ]);
    expect((await call(who, 'GET', `${telephony}/calls`)).json).toEqual({ calls: [] });
  });

  it('redirecting to another user rings that user with the first callee as last redirecting', async () => {
    sim = await startSimulator({ heartbeatMs: null });
    const first = await listener(sim, 'oxe19141');
    const second = await listener(sim, 'oxe19140');
    const callRef = await sim.placeCall({ number: '0240123456' }, 'oxe19141');
    await sim.redirect(callRef, '19140');
    await first.stream.untilLines(3);
    expect(first.stream.events[2]).toMatchObject({ cause: 'REDIRECTED', newDestination: '19140' });
    await second.stream.untilLines(2);
    expect(second.stream.events[1]).toMatchObject({
      eventName: 'OnCallCreated',
      callData: { lastRedirecting: { id: { loginName: 'oxe19141' } }, state: 'RINGING_INCOMING' },
    });
  });

  it('a pickup by a colleague removes the call as PICKED_UP, not missed (answered elsewhere)', async () => {
    sim = await startSimulator({ heartbeatMs: null });
    const callee = await listener(sim, 'oxe31001');
    const colleague = await listener(sim, 'oxe19140');
    const caller = await listener(sim, 'oxe19141');
    const callRef = await sim.placeCall({ loginName: 'oxe19141' }, 'oxe31001');
    await sim.pickUp(callRef, 'oxe19140');

    await callee.stream.untilLines(3);
    expect(callee.stream.events[2]).toMatchObject({
      eventName: 'OnCallRemoved',
      callRef,
      cause: 'PICKED_UP',
    });
    await colleague.stream.untilLines(3);
    expect(colleague.stream.events[1]).toMatchObject({
      eventName: 'OnCallCreated',
      cause: 'PICKED_UP',
      callData: { state: 'ACTIVE', lastRedirecting: { id: { loginName: 'oxe31001' } } },
      participants: [{ identity: { id: { loginName: 'oxe19141' } } }],
    });
    expect(colleague.stream.events[2]).toMatchObject({
      eventName: 'OnUserStateModified',
      state: 'BUSY',
    });
    await caller.stream.untilLines(4);
    expect(caller.stream.events[3]).toMatchObject({
      eventName: 'OnCallModified',
      addedParticipants: [{ identity: { id: { loginName: 'oxe19140' } }, state: 'ACTIVE' }],
      removedParticipantIds: ['p-31001'],
    });
    expect(sim.calls()).toEqual([
      { callRef, caller: 'oxe19141', callee: 'oxe19140', phase: 'active' },
    ]);
    expect(callee.stream.events.some((e) => e.eventName === 'OnEventSummaryUpdated')).toBe(false);
    await expect(sim.pickUp(callRef, 'oxe31001')).rejects.toMatchObject({ status: 403 });
  });

  it('DND on and off through REST emits OnRoutingStateChanged; calls to a DND user do not ring', async () => {
    sim = await startSimulator({ heartbeatMs: null });
    const { who, stream } = await listener(sim, 'oxe19141');
    const routing = serviceUrl(who, 'routing');
    expect((await call(who, 'POST', `${routing}/dnd`)).status).toBe(204);
    expect((await call(who, 'GET', `${routing}/dnd`)).json).toEqual({ activate: true });
    await stream.untilLines(2);
    expect(stream.events[1]).toMatchObject({
      eventName: 'OnRoutingStateChanged',
      routingState: { dndState: { activate: true } },
    });
    const caller = await listener(sim, 'oxe19140');
    await sim.placeCall({ loginName: 'oxe19140' }, 'oxe19141');
    await caller.stream.untilLines(3);
    expect(caller.stream.events[2]).toMatchObject({
      eventName: 'OnCallRemoved',
      cause: 'DO_NOT_DISTURB',
    });

    await sim.setDnd('oxe19141', false);
    await stream.untilLines(3);
    expect(stream.events[2]).toMatchObject({ routingState: { dndState: { activate: false } } });
    expect((await call(who, 'GET', `${routing}/state`)).json).toMatchObject({
      dndState: { activate: false },
    });
  });

  it('a routing snapshot emits the current routing state', async () => {
    sim = await startSimulator({ heartbeatMs: null });
    const { who, stream } = await listener(sim, 'oxe19141');
    const routing = serviceUrl(who, 'routing');
    expect(
      (
        await call(who, 'POST', `${routing}/forwardroute`, {
          forwardRoute: { destinations: [{ type: 'VOICEMAIL' }] },
        })
      ).status,
    ).toBe(204);
    expect((await call(who, 'POST', `${routing}/state/snapshot`)).status).toBe(204);
    await stream.untilLines(3);
    expect(stream.events[2]).toMatchObject({
      routingState: { forwardRoutes: [{ destinations: [{ type: 'VOICEMAIL', selected: true }] }] },
    });
  });
});

describe('forwarding, devices and user information', () => {
  it('an immediate forward to another user rings that user instead', async () => {
    sim = await startSimulator({ heartbeatMs: null });
    const forwarder = await listener(sim, 'oxe19141');
    const target = await listener(sim, 'oxe19140');
    const routing = serviceUrl(forwarder.who, 'routing');
    const set = await call(forwarder.who, 'POST', `${routing}/forwardroute`, {
      forwardRoute: { destinations: [{ type: 'NUMBER', number: '19140' }] },
    });
    expect(set.status).toBe(204);
    await forwarder.stream.untilLines(2);
    expect(forwarder.stream.events[1]).toMatchObject({
      eventName: 'OnRoutingStateChanged',
      routingState: { forwardRoutes: [{ destinations: [{ type: 'NUMBER', number: '19140' }] }] },
    });
    await sim.placeCall({ number: '0240123456' }, 'oxe19141');
    await target.stream.untilLines(2);
    expect(target.stream.events[1]).toMatchObject({
      eventName: 'OnCallCreated',
      callData: {
        initialCalled: { id: { phoneNumber: '19141' } },
        lastRedirecting: { id: { loginName: 'oxe19141' } },
      },
    });
    expect(forwarder.stream.events).toHaveLength(2);
    expect((await call(forwarder.who, 'DELETE', `${routing}/forwardroute`)).status).toBe(204);
    expect((await call(forwarder.who, 'GET', `${routing}/state`)).json).toMatchObject({
      forwardRoutes: [],
    });
  });

  it('an immediate forward to voicemail never rings: the caller sees FORWARDED, a message waits', async () => {
    sim = await startSimulator({ heartbeatMs: null });
    const callee = await listener(sim, 'oxe19141');
    const caller = await listener(sim, 'oxe19140');
    await sim.setForward('oxe19141', { destinations: [{ type: 'VOICEMAIL' }] });
    await sim.placeCall({ loginName: 'oxe19140' }, 'oxe19141');
    await caller.stream.untilLines(3);
    expect(caller.stream.events[2]).toMatchObject({
      eventName: 'OnCallRemoved',
      cause: 'FORWARDED',
    });
    await callee.stream.untilLines(3);
    expect(names(callee.stream)).toEqual(['OnRoutingStateChanged', 'OnEventSummaryUpdated']);
    expect(callee.stream.events[2]).toMatchObject({ eventSummary: { voiceMessagesNb: 1 } });
  });

  it('refuses a call to oneself and a redirect back to the caller', async () => {
    sim = await startSimulator();
    await expect(sim.placeCall({ loginName: 'oxe19141' }, 'oxe19141')).rejects.toMatchObject({
      status: 400,
      details: { telephony: { errorCause: 'INVALID_DESTINATION' } },
    });
    const callRef = await sim.placeCall({ loginName: 'oxe19140' }, 'oxe19141');
    await expect(sim.redirect(callRef, '19140')).rejects.toMatchObject({ status: 400 });
    expect(sim.calls()).toEqual([
      { callRef, caller: 'oxe19140', callee: 'oxe19141', phase: 'ringing' },
    ]);
  });

  it('a device going out of service emits OnDeviceStateModified', async () => {
    sim = await startSimulator({ heartbeatMs: null });
    const { stream } = await listener(sim, 'oxe19141');
    await sim.setDeviceState('oxe19141', 'OUT_OF_SERVICE');
    await stream.untilLines(2);
    expect(stream.events[1]).toEqual({
      eventName: 'OnDeviceStateModified',
      loginName: 'oxe19141',
      deviceStates: [{ deviceId: '19141', state: 'OUT_OF_SERVICE' }],
    });
  });

  it('a directory change emits OnUserInfoChanged and shows in GET users', async () => {
    sim = await startSimulator({ heartbeatMs: null });
    const { who, stream } = await listener(sim, 'oxe19141');
    await sim.updateUser('oxe19141', { lastName: 'Moreau-Lefèvre' });
    await stream.untilLines(2);
    expect(stream.events[1]).toMatchObject({
      eventName: 'OnUserInfoChanged',
      user: { loginName: 'oxe19141', lastName: 'Moreau-Lefèvre', companyPhone: '19141' },
    });
    const user = await call(who, 'GET', `${serviceUrl(who, 'users')}/oxe19141`);
    expect(user.json).toMatchObject({ lastName: 'Moreau-Lefèvre' });
    await expect(sim.updateUser('oxe19141', { extension: '19140' })).rejects.toThrow(
      /another user/,
    );
  });
});
