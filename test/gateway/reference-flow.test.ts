// The reference flow over real sockets: 19140 calls 19141, answered then missed, ending in the
// right tray states and exactly one alert show and close per call.
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness } from './harness.js';
import type { Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('reference flow', () => {
  it('connects, shows the user, and walks an answered call through ringing, busy, free', async () => {
    h = await startHarness();
    await h.engine.start(h.config('oxe19141'));
    const online = await h.waitForView((v) => v.connection.status === 'online', 'online');
    expect(online.tray).toBe('free');
    expect(online.user?.loginName).toBe('oxe19141');
    expect(online.user?.companyPhone).toBe('19141');

    const callRef = await h.sim.placeCall({ loginName: 'oxe19140' }, 'oxe19141');
    const ringing = await h.waitForView((v) => v.tray === 'ringing', 'ringing');
    expect(ringing.alerts).toHaveLength(1);
    expect(ringing.alerts[0]?.caller.name).toBe('Camille Martin');

    await h.sim.answer(callRef);
    await h.waitForView((v) => v.tray === 'busy', 'busy');
    await h.sim.hangUp(callRef, 'caller');
    await h.waitForView((v) => v.tray === 'free' && v.calls.length === 0, 'free again');

    expect(h.alerts.map((a) => a.action)).toEqual(['show', 'close']);
    expect(h.alerts[1]).toEqual({ action: 'close', callRef, reason: 'answered' });
    expect(h.sim.counts()).toMatchObject({ sessionsOpen: 1, subscriptions: 1, openStreams: 1 });
  });

  it('a missed call closes its alert as missed and counts it', async () => {
    h = await startHarness();
    await h.engine.start(h.config('oxe19141'));
    await h.waitForView((v) => v.connection.status === 'online', 'online');
    const before = h.engine.view.counters.missedCalls;

    const callRef = await h.sim.placeCall({ loginName: 'oxe19140' }, 'oxe19141');
    await h.waitForView((v) => v.tray === 'ringing', 'ringing');
    await h.sim.ringOut(callRef);
    await h.waitForView(
      (v) => v.tray === 'free' && v.counters.missedCalls === before + 1,
      'missed',
    );
    expect(h.alerts).toEqual([
      expect.objectContaining({ action: 'show' }),
      { action: 'close', callRef, reason: 'missed' },
    ]);
  });

  it('stop() closes the stream, the subscription and the session', async () => {
    h = await startHarness();
    await h.engine.start(h.config('oxe19141'));
    await h.waitForView((v) => v.connection.status === 'online', 'online');
    const started = Date.now();
    await h.engine.stop();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(h.engine.view.connection.status).toBe('stopped');
    await h.sim.waitFor(() => h!.sim.counts().openStreams === 0, 'stream closed');
    expect(h.sim.counts()).toMatchObject({ sessionsOpen: 0, subscriptions: 0 });
  });
});
