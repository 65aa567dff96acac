// F4-F6 end to end: clean stream ends, reconnect storms and session expiry, against the
// simulator over real sockets. Timings of the recovery policy are scaled down (1 s -> 20 ms,
// a minute -> 1.2 s) so each test stays short; the arithmetic itself is unit-tested.
import { afterEach, describe, expect, it } from 'vitest';
import type { RecoveryTuning } from '../../electron/gateway/recovery-policy.js';
import type { PresenceView } from '../../shared/presence/types.js';
import { startHarness, waitUntil } from './harness.js';
import type { Harness } from './harness.js';

const SCALED: RecoveryTuning = {
  baseDelayMs: 20,
  maxDelayMs: 600,
  floorDelayMs: 10,
  shortStreamMs: 5_000,
  shortStreamsBeforeBackoff: 3,
  healthyAfterMs: 1_200,
  reloginSpreadMs: 300,
};
const MINUTE = 1_200;

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const eventRequests = (harness: Harness, since = 0) =>
  harness.sim.requestLog.filter((e) => e.port === 'event' && e.at >= since);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Samples the simulator's open stream count on every request it answers and every ms. */
function trackOpenStreams(harness: Harness): { max: number; stop(): void } {
  const track = {
    max: 0,
    stop: () => clearInterval(timer),
  };
  const sample = () => (track.max = Math.max(track.max, harness.sim.counts().openStreams));
  const timer = setInterval(sample, 1);
  harness.sim.on('request', sample);
  return track;
}

describe('F4: streams that end normally', () => {
  it('reopens the same polling URL after each end; all ten calls alert; never two streams', async () => {
    h = await startHarness({ heartbeatMs: null });
    await h.engine.start(h.config('oxe19141'));
    await h.waitForView((v) => v.connection.status === 'online', 'online');
    const streams = trackOpenStreams(h);

    for (let i = 0; i < 10; i++) {
      const opened = eventRequests(h).length;
      await h.sim.waitFor(() => h!.sim.counts().openStreams === 1, `stream ${i}`);
      const callRef = await h.sim.placeCall({ number: `02401000${i}` }, 'oxe19141');
      await waitUntil(
        () => h!.alerts.some((a) => a.action === 'show' && a.alert.callRef === callRef),
        `call ${i}`,
      );
      await h.sim.hangUp(callRef, 'caller');
      await waitUntil(
        () => h!.alerts.some((a) => a.action === 'close' && a.callRef === callRef),
        `end ${i}`,
      );
      h.sim.faults.endStreams();
      await h.sim.waitFor(() => eventRequests(h!).length === opened + 1, `reopen ${i}`);
    }

    expect(h.alerts.filter((a) => a.action === 'show')).toHaveLength(10);
    expect(eventRequests(h)).toHaveLength(11);
    expect(h.sim.counts().authentications).toBe(1);
    const subscribes = h.sim.requestLog.filter(
      (e) => e.method === 'POST' && e.path.endsWith('/subscriptions'),
    );
    expect(subscribes).toHaveLength(1);
    streams.stop();
    expect(streams.max).toBe(1);
  });
});

describe('F5: reconnect storm', () => {
  it('backs off in each faulty phase, shows offline, and resets after a healthy minute', async () => {
    // random = 1: every wait is the ceiling, so a missing reset would be plain to see.
    h = await startHarness({ heartbeatMs: null }, { recovery: SCALED, random: () => 0.999 });
    await h.engine.start(h.config('oxe19141'));
    await h.waitForView((v) => v.connection.status === 'online', 'online');
    const views: PresenceView[] = [];
    h.engine.onView((v) => views.push(v));
    const polling = { path: /OTEvents/ };

    const phase = async (arm: () => void) => {
      const since = Date.now();
      arm();
      h!.sim.faults.endStreams();
      await sleep(MINUTE);
      h!.sim.faults.clear();
      return eventRequests(h!, since).length;
    };

    const empty = await phase(() => h!.sim.faults.failEndpoint(polling, 200, 10_000, ''));
    expect(h.engine.view.tray).toBe('offline');
    expect(h.engine.view.connection.status).toBe('reconnecting');
    const unavailable = await phase(() => h!.sim.faults.failEndpoint(polling, 503, 10_000));
    const reset = await phase(() => h!.sim.faults.failEndpoint(polling, 'reset', 10_000));
    // The storm runs on through the three phases: the backoff never resets in between, so the
    // later phases retry near the cap, yet still retry.
    expect(empty).toBeGreaterThanOrEqual(4);
    for (const attempts of [empty, unavailable, reset]) {
      expect(attempts).toBeGreaterThanOrEqual(1);
      expect(attempts).toBeLessThanOrEqual(12);
    }
    expect(views.some((v) => v.connection.status === 'reconnecting' && v.tray === 'offline')).toBe(
      true,
    );
    expect(
      views.filter((v) => v.connection.status !== 'online').every((v) => v.tray === 'offline'),
    ).toBe(true);
    expect(h.sim.counts().authentications).toBe(1);

    // Healthy for a (scaled) minute, then empty streams again: the first backoff is short.
    await h.waitForView((v) => v.connection.status === 'online', 'online again', 3_000);
    await sleep(MINUTE + 100);
    const since = Date.now();
    h.sim.faults.failEndpoint(polling, 200, 10_000, '');
    h.sim.faults.endStreams();
    await h.sim.waitFor(() => eventRequests(h!, since).length >= 5, 'retries');
    const at = eventRequests(h, since).map((e) => e.at);
    // Requests 1-3 are immediate; the wait before the 4th is the first backoff (20 ms scaled).
    expect(at[3]! - at[2]!).toBeLessThan(300);
    h.sim.faults.clear();
  });
});

describe('F5: re-login storm', () => {
  it('rate limits new logins when the stream and the keepalive keep refusing', async () => {
    h = await startHarness({ heartbeatMs: null }, { recovery: SCALED, random: () => 0.999 });
    await h.engine.start(h.config('oxe19141'));
    await h.waitForView((v) => v.connection.status === 'online', 'online');
    const since = Date.now();
    h.sim.faults.failEndpoint({ path: /OTEvents/ }, 401, 10_000);
    h.sim.faults.failEndpoint({ path: '/sessions/keepalive' }, 401, 10_000);
    h.sim.faults.endStreams();
    await sleep(MINUTE);
    h.sim.faults.clear();
    const logins = h.sim.requestLog.filter(
      (e) => e.path.includes('/authenticate') && e.at >= since,
    );
    expect(logins.length).toBeGreaterThanOrEqual(2);
    expect(logins.length).toBeLessThanOrEqual(12);
    await h.waitForView((v) => v.connection.status === 'online', 'online again', 3_000);
    await h.sim.waitFor(() => h!.sim.counts().sessionsOpen === 1, 'one session', 3_000);
    expect(h.sim.counts()).toMatchObject({ subscriptions: 1, openStreams: 1 });
  });
});

describe('F6: session expiry', () => {
  it('logs in again, subscribes again, re-reads state, never shows a stale FREE', async () => {
    h = await startHarness({ heartbeatMs: null }, { recovery: { ...SCALED, baseDelayMs: 100 } });
    await h.engine.start(h.config('oxe19141'));
    await h.waitForView((v) => v.connection.status === 'online', 'online');
    const views: PresenceView[] = [];
    h.engine.onView((v) => views.push(v));
    h.sim.faults.failEndpoint({ path: '/api/rest/authenticate' }, 503, 2);

    const expiredAt = Date.now();
    expect(h.sim.faults.expireSessions('oxe19141')).toBe(1);
    await h.waitForView((v) => v.connection.status !== 'online', 'noticed');
    await h.waitForView((v) => v.connection.status === 'online', 'online again', 8_000);

    const auths = h.sim.requestLog.filter(
      (e) => e.path.includes('/authenticate') && e.at >= expiredAt,
    );
    expect(auths.map((e) => e.status)).toEqual([503, 503, 200]);
    expect(auths[1]!.at - auths[0]!.at).toBeGreaterThanOrEqual(10);
    expect(h.sim.counts()).toMatchObject({ authentications: 2, sessionsOpen: 1, subscriptions: 1 });
    // The dead polling URL was asked at most once (answered 404) and never again.
    const deadAnswers = eventRequests(h, expiredAt).filter((e) => e.status === 404);
    expect(deadAnswers.length).toBeLessThanOrEqual(1);
    const afterLogin = eventRequests(h, auths[2]!.at);
    expect(afterLogin.length).toBeGreaterThanOrEqual(1);
    expect(afterLogin.every((e) => e.status === 200)).toBe(true);
    const offline = views.filter((v) => v.connection.status !== 'online');
    expect(offline.length).toBeGreaterThan(0);
    expect(offline.every((v) => v.tray === 'offline')).toBe(true);
    // Words for the tooltip; the status code stays in the log.
    expect(offline[0]?.connection.reason).toBe('session ended by the gateway; signing in again');
    expect(offline.map((v) => v.connection.reason ?? '')).not.toContainEqual(
      expect.stringMatching(/HTTP 404/),
    );
  });

  it('a rejected keepalive means a new session (and only one stays open)', async () => {
    h = await startHarness({ heartbeatMs: null, sessionTtlSeconds: 2 }, { recovery: SCALED });
    await h.engine.start(h.config('oxe19141'));
    await h.waitForView((v) => v.connection.status === 'online', 'online');
    h.sim.faults.failEndpoint({ path: '/sessions/keepalive' }, 401, 1);
    await h.sim.waitFor(() => h!.sim.counts().authentications === 2, 're-login', 5_000);
    await h.waitForView((v) => v.connection.status === 'online', 'online again');
    await h.sim.waitFor(() => h!.sim.counts().sessionsOpen === 1, 'old session closed');
    expect(h.sim.counts()).toMatchObject({ subscriptions: 1, openStreams: 1 });
  });
});
