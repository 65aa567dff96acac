// A gateway over HTTPS (simulator with its own CA): trusted through the configured CA PEM it
// connects; without it the status is certificate-untrusted, never plain "unreachable".
import { afterEach, describe, expect, it } from 'vitest';
import { RecoveryPolicy } from '../../electron/gateway/recovery-policy.js';
import type { RecoveryTuning } from '../../electron/gateway/recovery-policy.js';
import { startHarness } from './harness.js';
import type { Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('HTTPS gateway', () => {
  it('connects when the simulator CA is trusted, event stream included', async () => {
    h = await startHarness({ tls: true, heartbeatMs: null });
    expect(h.sim.restUrl.startsWith('https://')).toBe(true);
    await h.engine.start(h.config('oxe19141', { caPems: [h.sim.caPem!] }));
    await h.waitForView((v) => v.connection.status === 'online', 'online over TLS');
    await h.sim.placeCall({ number: '0240123456' }, 'oxe19141');
    await h.waitForView((v) => v.tray === 'ringing', 'ringing over TLS');
    expect(process.env.NODE_TLS_REJECT_UNAUTHORIZED).toBeUndefined();
  });

  it('says certificate-untrusted when the CA is not trusted, and sends no credentials', async () => {
    h = await startHarness({ tls: true, heartbeatMs: null });
    await h.engine.start(h.config('oxe19141'));
    const view = await h.waitForView(
      (v) => v.connection.status === 'certificate-untrusted',
      'certificate-untrusted',
    );
    expect(view.connection.reason).toMatch(/certificate/);
    expect(view.tray).toBe('offline');
    expect(h.sim.counts().authentications).toBe(0);
  });

  it('says the gateway speaks plain HTTP, not that a certificate is untrusted', async () => {
    h = await startHarness({ heartbeatMs: null });
    const hostPort = new URL(h.sim.restUrl).host;
    await h.engine.start(h.config('oxe19141', { server: hostPort }));
    const view = await h.waitForView((v) => v.connection.status === 'unreachable', 'unreachable');
    expect(view.connection.reason).toBe(
      `the server answered in plain HTTP, not TLS: use http://${hostPort} if this gateway really has no TLS`,
    );
    expect(h.sim.counts().authentications).toBe(0);
  });

  it('backs off an untrusted certificate exponentially with full jitter, scaled 50x', async () => {
    // 1 s..30 s scaled to 20 ms..600 ms: a policy reset on each attempt (or a fixed delay)
    // would fit ~100 attempts in the window below; the real backoff about a dozen.
    const tuning: RecoveryTuning = {
      baseDelayMs: 20,
      maxDelayMs: 600,
      floorDelayMs: 10,
      shortStreamMs: 100,
      shortStreamsBeforeBackoff: 3,
      healthyAfterMs: 1_200,
      reloginSpreadMs: 500,
    };
    const seed = () => {
      let state = 7;
      return () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    };
    h = await startHarness({ tls: true, heartbeatMs: null }, { recovery: tuning, random: seed() });
    await h.engine.start(h.config('oxe19141'));
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await h.engine.stop();

    const delays = h.logLines
      .filter((line) => line.includes('connection failed'))
      .map(
        (line) => (JSON.parse(line.slice(line.indexOf('{'))) as { retryInMs: number }).retryInMs,
      );
    expect(delays.length).toBeGreaterThanOrEqual(4);
    expect(delays.length).toBeLessThanOrEqual(20);
    // Exactly the draws of one policy failing again and again: never reset in between.
    const reference = new RecoveryPolicy(seed(), tuning);
    expect(delays).toEqual(delays.map(() => reference.failed(0)));
    expect(Math.max(...delays)).toBeGreaterThan(tuning.baseDelayMs * 4);
    expect(h.sim.counts().authentications).toBe(0);
  });

  it('an address typed as host:port means https', async () => {
    h = await startHarness({ tls: true, heartbeatMs: null });
    const hostPort = new URL(h.sim.restUrl).host;
    await h.engine.start(h.config('oxe19141', { server: hostPort, caPems: [h.sim.caPem!] }));
    await h.waitForView((v) => v.connection.status === 'online', 'online via host:port');
  });
});
