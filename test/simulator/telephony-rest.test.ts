// The Telephony service over REST: state, snapshot, answer, release, make call, and the error
// shapes (RestErrorInfo) for unknown calls and bad requests.
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../simulator/index.js';
import { call, login, serviceUrl } from './plain-client.js';
import { closeListeners, listener, type Json } from './listeners.js';

let sim: Simulator | undefined;
afterEach(async () => {
  closeListeners();
  await sim?.stop();
  sim = undefined;
});

describe('telephony REST', () => {
  it('answers, reads state with nested deviceStates, and snapshots as OnTelephonyState', async () => {
    sim = await startSimulator({ heartbeatMs: null });
    const { who, stream } = await listener(sim, 'oxe19141');
    const telephony = serviceUrl(who, 'telephony');
    const callRef = await sim.placeCall({ number: '0240123456' }, 'oxe19141');
    const answered = await call(who, 'POST', `${telephony}/calls/${callRef}/answer`, {
      deviceId: '19141',
    });
    expect(answered.status).toBe(204);
    const state = (await call(who, 'GET', `${telephony}/state`)).json as Json;
    expect(state).toMatchObject({
      userState: 'BUSY',
      deviceStates: { deviceStates: [{ deviceId: '19141', state: 'IN_SERVICE' }] },
      calls: [{ callRef, callData: { state: 'ACTIVE' } }],
    });
    expect((await call(who, 'GET', `${telephony}/calls`)).json).toEqual({ calls: state.calls });
    expect((await call(who, 'POST', `${telephony}/state/snapshot`)).status).toBe(204);
    await stream.until((s) => s.events.some((e) => e.eventName === 'OnTelephonyState'), 'snapshot');
    const snapshot = stream.events.find((e) => e.eventName === 'OnTelephonyState');
    expect(snapshot).toMatchObject({ loginName: 'oxe19141', state: { userState: 'BUSY' } });
    expect((await call(who, 'DELETE', `${telephony}/calls/${callRef}`)).status).toBe(204);
    expect((await call(who, 'GET', `${telephony}/state`)).json).toMatchObject({
      userState: 'FREE',
      calls: [],
    });
  });

  it('makes calls: POST calls answers 200, basicCall 201, and the callee rings', async () => {
    sim = await startSimulator({ heartbeatMs: null });
    const callee = await listener(sim, 'oxe19140');
    const who = await login(sim, 'oxe19141');
    const telephony = serviceUrl(who, 'telephony');
    const made = await call(who, 'POST', `${telephony}/calls`, {
      deviceId: '19141',
      callee: '19140',
    });
    expect(made.status).toBe(200);
    const { callRef } = made.json as { callRef: string };
    await callee.stream.untilLines(2);
    expect(callee.stream.events[1]).toMatchObject({
      callRef,
      callData: { state: 'RINGING_INCOMING' },
    });
    const basic = await call(who, 'POST', `${telephony}/basicCall`, {
      deviceId: '19141',
      callee: '+4122555019',
      autoAnswer: true,
    });
    expect(basic.status).toBe(201);
    expect(sim.calls()).toHaveLength(2);
  });

  it('reports an unknown callRef as 404 CALL_REFERENCE_NOT_FOUND', async () => {
    sim = await startSimulator();
    const who = await login(sim);
    const telephony = serviceUrl(who, 'telephony');
    for (const [method, path, body] of [
      ['DELETE', '/calls/0bad', undefined],
      ['POST', '/calls/0bad/answer', { deviceId: '19141' }],
      ['GET', '/calls/0bad', undefined],
    ] as const) {
      const answer = await call(who, method, `${telephony}${path}`, body);
      expect(answer.status).toBe(404);
      expect(answer.json).toMatchObject({
        httpStatus: 'NOT_FOUND',
        code: 404,
        helpMessage: expect.any(String),
        telephony: { errorType: 'CALL_REFERENCE_NOT_FOUND' },
      });
    }
  });

  it('rejects bad requests with 400 RestErrorInfo and keeps serving', async () => {
    sim = await startSimulator();
    const who = await login(sim);
    const telephony = serviceUrl(who, 'telephony');
    const callRef = await sim.placeCall({ number: '0240123456' }, 'oxe19141');
    const cases: Array<[string, unknown]> = [
      [`/calls/${callRef}/answer`, '{"deviceId":'],
      [`/calls/${callRef}/answer`, {}],
      [`/calls/${callRef}/answer`, { deviceId: '19140' }],
      [`/calls/${callRef}/redirect`, { anonymous: false }],
      ['/calls', { deviceId: '19141' }],
      ['/calls', { deviceId: '19141', callee: 'not a number' }],
      ['/calls', [1, 2, 3]],
    ];
    for (const [path, body] of cases) {
      const answer = await call(who, 'POST', `${telephony}${path}`, body);
      expect(answer.status, `${path} ${JSON.stringify(body)}`).toBe(400);
      expect(answer.json).toMatchObject({ code: 400, helpMessage: expect.any(String) });
    }
    expect((await call(who, 'GET', `${telephony}/calls`)).status).toBe(200);
  });

  it('only lets the called party answer, and only while ringing', async () => {
    sim = await startSimulator();
    const caller = await login(sim, 'oxe19140');
    const callRef = await sim.placeCall({ loginName: 'oxe19140' }, 'oxe19141');
    const telephony = serviceUrl(caller, 'telephony');
    const answer = await call(caller, 'POST', `${telephony}/calls/${callRef}/answer`, {
      deviceId: '19140',
    });
    expect(answer.status).toBe(403);
    expect(answer.json).toMatchObject({ telephony: { errorType: 'INCOMPATIBLE_WITH_STATE' } });
  });

  it('refuses to dial from a phone that is out of service', async () => {
    sim = await startSimulator();
    const who = await login(sim, 'oxe19141');
    await sim.setDeviceState('oxe19141', 'OUT_OF_SERVICE');
    const telephony = serviceUrl(who, 'telephony');
    const made = await call(who, 'POST', `${telephony}/calls`, {
      deviceId: '19141',
      callee: '19140',
    });
    expect(made.status).toBe(403);
    expect(made.json).toMatchObject({ telephony: { errorCause: 'DEVICE_OUT_OF_SERVICE' } });
    expect((await call(who, 'GET', `${telephony}/devices`)).json).toEqual({
      deviceStates: [{ deviceId: '19141', state: 'OUT_OF_SERVICE' }],
    });
  });

  it('answers an oversized body with 413 instead of buffering it', async () => {
    sim = await startSimulator();
    const who = await login(sim);
    const huge = JSON.stringify({ deviceId: '19141', callee: '19140', pad: 'x'.repeat(100_000) });
    const answer = await call(who, 'POST', `${serviceUrl(who, 'telephony')}/calls`, huge);
    expect(answer.status).toBe(413);
    expect(answer.json).toMatchObject({ code: 413 });
    expect((await call(who, 'GET', serviceUrl(who, 'logins'))).status).toBe(200);
  });

  it('lets the caller overflow its ringing call to the callee voicemail', async () => {
    sim = await startSimulator({ heartbeatMs: null });
    const callee = await listener(sim, 'oxe19141');
    const who = await login(sim, 'oxe19140');
    const telephony = serviceUrl(who, 'telephony');
    const { callRef } = (
      await call(who, 'POST', `${telephony}/calls`, { deviceId: '19140', callee: '19141' })
    ).json as { callRef: string };
    const overflow = await call(who, 'POST', `${telephony}/calls/${callRef}/overflowToVoiceMail`);
    expect(overflow.status).toBe(204);
    await callee.stream.untilLines(4);
    expect(callee.stream.events.slice(2)).toMatchObject([
      { eventName: 'OnCallRemoved', cause: 'REDIRECTED' },
      { eventName: 'OnEventSummaryUpdated', eventSummary: { voiceMessagesNb: 1 } },
    ]);
    const again = await call(who, 'POST', `${telephony}/calls/${callRef}/overflowToVoiceMail`);
    expect(again.status).toBe(404);
  });
});
