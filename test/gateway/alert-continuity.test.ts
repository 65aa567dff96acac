// A ringing call's alert through connection trouble, end to end against the simulator: a short
// reconnect (wake-up nudge, reset stream, expired session) neither closes nor repeats it; a call
// that ended meanwhile closes as 'ended'; a gateway out of reach for longer than the grace
// period closes it as 'connection-lost', and it opens again if the call still rings.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RECOVERY_TUNING } from '../../electron/gateway/recovery-policy.js';
import { startHarness } from './harness.js';
import type { Harness } from './harness.js';

const recovery = { ...DEFAULT_RECOVERY_TUNING, baseDelayMs: 50, floorDelayMs: 20 };
const fastRelogin = { ...recovery, reloginSpreadMs: 100 };

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function ringingFor(harness: Harness): Promise<string> {
  await harness.engine.start(harness.config('oxe31001'));
  await harness.waitForView((v) => v.connection.status === 'online', 'online');
  const callRef = await harness.sim.placeCall({ number: '0240123456' }, 'oxe31001');
  await harness.waitForView((v) => v.alerts.length === 1, 'ringing');
  return callRef;
}

const actions = (harness: Harness) =>
  harness.alerts.map((c) => (c.action === 'show' ? 'show' : `close:${c.reason}`));

describe('alert continuity', () => {
  it.each([
    ['a wake-up nudge', (x: Harness) => x.engine.nudge('screen unlocked')],
    ['a reset stream', (x: Harness) => x.sim.faults.resetStreams()],
    ['an expired session', (x: Harness) => x.sim.faults.expireSessions('oxe31001')],
  ])('keeps one alert, shown once, through %s', async (_what, trouble) => {
    h = await startHarness({ heartbeatMs: null }, { recovery: fastRelogin });
    const callRef = await ringingFor(h);
    const viewsBefore = h.views.length;

    trouble(h);
    await h.waitForView(
      () => h!.views.slice(viewsBefore).some((v) => v.connection.status !== 'online'),
      'trouble noticed',
    );
    await h.waitForView((v) => v.connection.status === 'online', 'online again');

    expect(actions(h)).toEqual(['show']);
    expect(h.engine.view.alerts.map((a) => a.callRef)).toEqual([callRef]);
    expect(h.engine.view.tray).toBe('ringing');
  });

  it('closes as ended when the call went away while the connection was down', async () => {
    h = await startHarness({ heartbeatMs: null }, { recovery: fastRelogin });
    const callRef = await ringingFor(h);
    h.sim.faults.failEndpoint({ path: /OTEvents/ }, 503, 3);
    h.sim.faults.resetStreams();
    await h.waitForView((v) => v.connection.status !== 'online', 'offline');
    await h.sim.hangUp(callRef, 'caller');

    await h.waitForView((v) => v.connection.status === 'online' && v.alerts.length === 0, 'back');
    expect(actions(h)).toEqual(['show', 'close:ended']);
  });

  it('closes as connection-lost after the grace period, and alerts again if still ringing', async () => {
    h = await startHarness({ heartbeatMs: null }, { recovery, offlineAlertGraceMs: 300 });
    await ringingFor(h);
    h.sim.faults.failEndpoint({ path: /OTEvents/ }, 503, 1_000);
    h.sim.faults.resetStreams();
    await h.waitForView((v) => v.alerts.length === 0, 'alert expired');
    expect(h.engine.view.connection.status).not.toBe('online');
    expect(h.engine.view.tray).toBe('offline');

    h.sim.faults.clear();
    h.engine.nudge('network back');
    await h.waitForView((v) => v.connection.status === 'online' && v.alerts.length === 1, 'back');
    expect(actions(h)).toEqual(['show', 'close:connection-lost', 'show']);
  });
});
