// Engine lifecycle against the simulator: account switch, stop during reconnect, wrong password,
// refused subscription, wake-up nudge on a half-open stream, heartbeat silence, and many
// recoveries in a row leaving exactly one stream, one session and one subscription.
import { afterEach, describe, expect, it } from 'vitest';
import type { RecoveryTuning } from '../../electron/gateway/recovery-policy.js';
import { startHarness, waitUntil } from './harness.js';
import type { Harness } from './harness.js';

const FAST: RecoveryTuning = {
  baseDelayMs: 20,
  maxDelayMs: 200,
  floorDelayMs: 10,
  shortStreamMs: 5_000,
  shortStreamsBeforeBackoff: 3,
  healthyAfterMs: 60_000,
  reloginSpreadMs: 100,
};

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const online = (harness: Harness, what = 'online') =>
  harness.waitForView((v) => v.connection.status === 'online', what);

describe('engine lifecycle', () => {
  it('switches account: the old stream, subscription and session go; nothing old is applied', async () => {
    h = await startHarness({ heartbeatMs: null });
    await h.engine.start(h.config('oxe19141'));
    await online(h);
    const switching = Date.now();
    await h.engine.start(h.config('oxe19140'));
    expect(Date.now() - switching).toBeLessThan(2_000);
    const view = await h.waitForView(
      (v) => v.connection.status === 'online' && v.user?.loginName === 'oxe19140',
      'second account online',
    );
    expect(view.user?.companyPhone).toBe('19140');
    expect(h.sim.counts()).toMatchObject({ sessionsOpen: 1, subscriptions: 1, openStreams: 1 });

    await h.sim.placeCall({ number: '0240123456' }, 'oxe19141');
    await sleep(150);
    expect(h.engine.view.alerts).toHaveLength(0);
    const mine = await h.sim.placeCall({ number: '0240999999' }, 'oxe19140');
    const ringing = await h.waitForView((v) => v.tray === 'ringing', 'ringing for 19140');
    expect(ringing.alerts.map((a) => a.callRef)).toEqual([mine]);
  });

  it('stops within 2 s while reconnecting and leaves nothing behind', async () => {
    h = await startHarness({ heartbeatMs: null }, { recovery: FAST });
    await h.engine.start(h.config('oxe19141'));
    await online(h);
    h.sim.faults.failEndpoint({ path: /OTEvents/ }, 503, 10_000);
    h.sim.faults.endStreams();
    await h.waitForView((v) => v.connection.status === 'reconnecting', 'reconnecting');
    expect(h.engine.view.connection.nextAttemptAt).toBeTypeOf('number');
    expect(h.engine.view.tray).toBe('offline');

    const started = Date.now();
    await h.engine.stop();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(h.engine.view.connection.status).toBe('stopped');
    expect(h.sim.counts()).toMatchObject({ sessionsOpen: 0, subscriptions: 0, openStreams: 0 });
    const requests = h.sim.requestLog.length;
    await sleep(400);
    expect(h.sim.requestLog.length).toBe(requests);
  });

  it('keeps the 2 s budget when the gateway is slow to say goodbye', async () => {
    h = await startHarness({ heartbeatMs: null });
    await h.engine.start(h.config('oxe19141'));
    await online(h);
    h.sim.faults.delay({ method: 'DELETE', path: /./ }, 5_000);
    const started = Date.now();
    await h.engine.stop();
    expect(Date.now() - started).toBeLessThan(2_300);
    expect(h.engine.view.connection.status).toBe('stopped');
  });

  it('wrong password: says so and does not retry', async () => {
    h = await startHarness({ heartbeatMs: null }, { recovery: FAST });
    await h.engine.start(h.config('oxe19141', { password: 'not-the-password' }));
    const view = await h.waitForView((v) => v.connection.status === 'wrong-credentials', 'refused');
    expect(view.tray).toBe('offline');
    await sleep(500);
    const auths = h.sim.requestLog.filter((e) => e.path.includes('/authenticate'));
    expect(auths).toHaveLength(1);
    expect(h.sim.counts().sessionsOpen).toBe(0);
  });

  it('a refused subscription is reported and retried with backoff', async () => {
    h = await startHarness({ heartbeatMs: null }, { recovery: FAST });
    const body = { status: 'REFUSED', message: 'licence TELEPHONY_ADVANCED missing' };
    h.sim.faults.failEndpoint({ method: 'POST', path: '/subscriptions' }, 200, 2, body);
    const reasons: string[] = [];
    h.engine.onView((v) => reasons.push(v.connection.reason ?? ''));
    await h.engine.start(h.config('oxe19141'));
    await online(h, 'online after two refusals');
    expect(reasons.some((r) => r.includes('licence TELEPHONY_ADVANCED missing'))).toBe(true);
    expect(h.sim.counts()).toMatchObject({ authentications: 1, subscriptions: 1, sessionsOpen: 1 });
  });

  it('a failed state re-read is retried on the same session and subscription', async () => {
    h = await startHarness({ heartbeatMs: null }, { recovery: FAST });
    h.sim.faults.failEndpoint({ path: '/telephony/state' }, 503, 2);
    const reasons: string[] = [];
    h.engine.onView((v) => reasons.push(v.connection.reason ?? ''));
    await h.engine.start(h.config('oxe19141'));
    await online(h, 'online after two failed re-reads');
    expect(reasons).toContain('gateway busy (HTTP 503)');
    const reads = h.sim.requestLog.filter((e) => e.path.endsWith('/telephony/state'));
    expect(reads.map((e) => e.status)).toEqual([503, 503, 200]);
    expect(h.sim.counts()).toMatchObject({ authentications: 1, subscriptions: 1, openStreams: 1 });
  });

  it('nudge() replaces a half-open stream and re-reads the state', async () => {
    h = await startHarness({ heartbeatMs: null });
    await h.engine.start(h.config('oxe19141'));
    await online(h);
    h.sim.faults.goSilent();
    const callRef = await h.sim.placeCall({ number: '0240123456' }, 'oxe19141');
    await sleep(150);
    expect(h.engine.view.alerts).toHaveLength(0);

    const before = h.sim.requestLog.length;
    h.engine.nudge('resume from sleep');
    const view = await h.waitForView((v) => v.tray === 'ringing', 'ringing after nudge');
    expect(view.alerts.map((a) => a.callRef)).toEqual([callRef]);
    const since = h.sim.requestLog.slice(before);
    expect(since.some((e) => e.path.endsWith('/sessions/keepalive'))).toBe(true);
    expect(h.sim.counts()).toMatchObject({ authentications: 1, subscriptions: 1 });
    await h.sim.waitFor(() => h!.sim.counts().openStreams === 1, 'one stream');
  });

  it('a call that ended while we were away closes its alert after the re-read', async () => {
    h = await startHarness({ heartbeatMs: null });
    await h.engine.start(h.config('oxe19141'));
    await online(h);
    const callRef = await h.sim.placeCall({ number: '0240123456' }, 'oxe19141');
    await h.waitForView((v) => v.tray === 'ringing', 'ringing');
    h.sim.faults.goSilent();
    await h.sim.ringOut(callRef);
    await sleep(100);
    h.engine.nudge('unlock');
    const view = await h.waitForView(
      (v) => v.connection.status === 'online' && v.tray === 'free',
      'free after the re-read',
    );
    expect(view.alerts).toHaveLength(0);
    expect(view.calls).toHaveLength(0);
    expect(view.counters.missedCalls).toBeGreaterThanOrEqual(1);
    const changes = h.alerts.filter(
      (a) => (a.action === 'show' ? a.alert.callRef : a.callRef) === callRef,
    );
    expect(changes.map((a) => a.action)).toEqual(['show', 'close']);
  });

  it('notices a stream gone silent when heartbeats stop', async () => {
    h = await startHarness(
      { heartbeatMs: 100 },
      { recovery: FAST, heartbeat: { missedBeats: 3, minSilenceMs: 300 } },
    );
    const reasons: string[] = [];
    h.engine.onView((v) => reasons.push(v.connection.reason ?? ''));
    await h.engine.start(h.config('oxe19141'));
    await online(h);
    await sleep(350);
    const streamsBefore = h.sim.requestLog.filter((e) => e.port === 'event').length;
    h.sim.faults.goSilent();
    await waitUntil(
      () => h!.sim.requestLog.filter((e) => e.port === 'event').length > streamsBefore,
      'a new stream after silence',
      5_000,
    );
    await online(h, 'online again');
    expect(h.logLines.some((l) => l.includes('event stream silent'))).toBe(true);
    expect(reasons).toContainEqual(expect.stringMatching(/^no news from the gateway for \d+ s$/));
  });

  it('after many recoveries in a row exactly one stream, session and subscription remain', async () => {
    h = await startHarness({ heartbeatMs: null }, { recovery: FAST });
    await h.engine.start(h.config('oxe19141'));
    await online(h);
    const faults = [
      () => h!.sim.faults.endStreams(),
      () => h!.sim.faults.resetStreams(),
      () => h!.sim.faults.expireSessions('oxe19141'),
      () => h!.engine.nudge('network change'),
      () => {
        h!.sim.faults.failEndpoint({ path: /OTEvents/ }, 404, 1);
        h!.sim.faults.endStreams();
      },
    ];
    for (let round = 0; round < 3; round++) {
      for (const fault of faults) {
        const requests = h.sim.requestLog.length;
        fault();
        if (round % 2 === 1) h.sim.faults.endStreams();
        await waitUntil(() => h!.sim.requestLog.length > requests, 'reaction');
        await online(h, `online after round ${round}`);
        await h.sim.waitFor(() => h!.sim.counts().openStreams === 1, 'one stream', 5_000);
      }
    }
    await sleep(200);
    expect(h.sim.counts()).toMatchObject({ openStreams: 1, sessionsOpen: 1, subscriptions: 1 });
    const callRef = await h.sim.placeCall({ number: '0240123456' }, 'oxe19141');
    await h.waitForView((v) => v.tray === 'ringing', 'ringing');
    await h.sim.answer(callRef);
    await h.waitForView((v) => v.tray === 'busy', 'busy');
    expect(h.alerts.filter((a) => a.action === 'show' && a.alert.callRef === callRef)).toHaveLength(
      1,
    );
  });
});
