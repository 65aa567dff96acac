// Call actions through the engine against the simulator: answer on the ringing device, send to
// voicemail, hang up, DND on/off, and clear messages when the gateway refuses.
import { afterEach, describe, expect, it } from 'vitest';
import { actionMessage } from '../../electron/gateway/actions.js';
import { GatewayError } from '../../electron/gateway/errors.js';
import { createPresenceEngine } from '../../electron/gateway/index.js';
import { startHarness } from './harness.js';
import type { Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function ringing(): Promise<{ harness: Harness; callRef: string }> {
  h = await startHarness({ heartbeatMs: null });
  await h.engine.start(h.config('oxe19141'));
  await h.waitForView((v) => v.connection.status === 'online', 'online');
  const callRef = await h.sim.placeCall({ loginName: 'oxe19140' }, 'oxe19141');
  await h.waitForView((v) => v.tray === 'ringing', 'ringing');
  return { harness: h, callRef };
}

describe('call actions', () => {
  it('answers on the ringing device, then hangs up', async () => {
    const { harness, callRef } = await ringing();
    expect(await harness.engine.answer(callRef)).toEqual({ ok: true });
    await harness.waitForView((v) => v.tray === 'busy', 'busy');
    const answer = harness.sim.requestLog.find((e) => e.path.endsWith('/answer'));
    expect(answer?.status).toBeLessThan(300);
    expect(await harness.engine.hangUp(callRef)).toEqual({ ok: true });
    await harness.waitForView((v) => v.tray === 'free', 'free');
  });

  it('sends a ringing call to voicemail', async () => {
    const { harness, callRef } = await ringing();
    expect(await harness.engine.sendToVoicemail(callRef)).toEqual({ ok: true });
    await harness.waitForView((v) => v.alerts.length === 0, 'alert closed');
  });

  it('says the call no longer exists for an unknown reference', async () => {
    const { harness } = await ringing();
    const result = await harness.engine.answer('no-such-call');
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/no longer exists/) });
  });

  it('turns DND on and off', async () => {
    h = await startHarness({ heartbeatMs: null });
    await h.engine.start(h.config('oxe19141'));
    await h.waitForView((v) => v.connection.status === 'online', 'online');
    expect(await h.engine.setDnd(true)).toEqual({ ok: true });
    await h.waitForView((v) => v.dnd && v.tray === 'dnd', 'dnd on');
    expect(await h.engine.setDnd(false)).toEqual({ ok: true });
    await h.waitForView((v) => !v.dnd, 'dnd off');
  });

  it('reports a licence refusal from the gateway', async () => {
    const { harness, callRef } = await ringing();
    harness.sim.faults.failEndpoint({ path: '/answer' }, 403, 1);
    const result = await harness.engine.answer(callRef);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/licence|rights/) });
  });

  it('answers "not connected" before any session', async () => {
    const engine = createPresenceEngine();
    expect(await engine.answer('1')).toEqual({
      ok: false,
      message: expect.stringMatching(/Not connected/),
    });
  });

  it('words each RestErrorInfo case for the user', () => {
    const refusal = (errorType: string) =>
      new GatewayError('http', 'x', 400, { telephony: { errorType } });
    expect(actionMessage('answer', refusal('INCOMPATIBLE_WITH_STATE'))).toMatch(/not in a state/);
    expect(actionMessage('answer', refusal('CALL_REFERENCE_NOT_FOUND'))).toMatch(
      /no longer exists/,
    );
    expect(actionMessage('answer', refusal('SERVICE_NOT_PROVIDED'))).toMatch(/not allowed/);
    expect(actionMessage('hang up', new GatewayError('network', 'x'))).toMatch(/cannot be reached/);
  });
});

describe('call actions without the service', () => {
  it('says the routing service is missing, and does not subscribe to routing', async () => {
    h = await startHarness({
      heartbeatMs: null,
      services: [
        { serviceName: 'TELEPHONY', relativeUrl: '/telephony' },
        { serviceName: 'users', relativeUrl: '/users' },
        { serviceName: 'eventSummary', relativeUrl: '/eventsummary' },
        { serviceName: 'subscriptions', relativeUrl: '/subscriptions' },
      ],
    });
    await h.engine.start(h.config('oxe19141'));
    await h.waitForView((v) => v.connection.status === 'online', 'online');
    const result = await h.engine.setDnd(true);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/no routing service/) });
    expect(h.sim.requestLog.some((e) => e.path.includes('/routing'))).toBe(false);
  });
});
