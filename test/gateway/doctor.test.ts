// The connection doctor against the simulator: every check passes on a healthy gateway; a wrong
// password, an untrusted certificate (naming the issuer) and a dead address fail with hints.
import { afterEach, describe, expect, it } from 'vitest';
import { runDoctor } from '../../electron/gateway/index.js';
import type { DoctorCheck } from '../../shared/ipc/channels.js';
import { startSimulator } from '../../simulator/index.js';
import type { Simulator } from '../../simulator/index.js';
import type { EngineConfig } from '../../electron/gateway/index.js';

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

const config = (server: string, overrides: Partial<EngineConfig> = {}): EngineConfig => ({
  server,
  login: 'oxe19141',
  password: 'Viola-19141',
  accessMode: 'auto',
  caPems: [],
  applicationName: 'doctor-test',
  ...overrides,
});
const byId = (checks: readonly DoctorCheck[]) => Object.fromEntries(checks.map((c) => [c.id, c]));

describe('runDoctor', () => {
  it('passes every check on a healthy HTTPS gateway and cleans up after itself', async () => {
    sim = await startSimulator({ tls: true, heartbeatMs: null });
    const progress: DoctorCheck[] = [];
    const checks = await runDoctor(config(sim.restUrl, { caPems: [sim.caPem!] }), (c) =>
      progress.push(c),
    );
    const results = byId(checks);
    for (const id of [
      'dns',
      'rest-port',
      'tls',
      'discovery',
      'authentication',
      'session',
      'subscription',
      'event-port',
      'first-event',
      'round-trip',
    ]) {
      expect(results[id]?.status, id).toBe('ok');
    }
    expect(results['first-event']?.detail).toMatch(/OnChannelInformation/);
    expect(progress.filter((c) => c.status === 'pending')).toHaveLength(checks.length);
    await sim.waitFor(
      () => sim!.counts().sessionsOpen === 0 && sim!.counts().subscriptions === 0,
      'cleanup',
    );
  });

  it('names the issuer to trust when the certificate is not trusted', async () => {
    sim = await startSimulator({ tls: true, heartbeatMs: null });
    const results = byId(await runDoctor(config(sim.restUrl)));
    expect(results.tls?.status).toBe('fail');
    expect(results.tls?.detail).toMatch(/issued by .*CN=/);
    expect(results.tls?.hint).toMatch(/CA/);
    expect(results.discovery?.status).toBe('skipped');
  });

  it('says plain HTTP, not a missing CA, when a host:port address answers without TLS', async () => {
    sim = await startSimulator({ heartbeatMs: null });
    const hostPort = new URL(sim.restUrl).host;
    const results = byId(await runDoctor(config(hostPort)));
    expect(results['rest-port']?.status).toBe('ok');
    expect(results.tls).toMatchObject({
      status: 'fail',
      detail: 'The server answered in plain HTTP, not TLS',
      hint: `use http://${hostPort} if this gateway really has no TLS`,
    });
    expect(results.tls?.hint).not.toMatch(/CA/);
    expect(results.discovery?.status).toBe('skipped');
  });

  it('fails authentication with a hint on a wrong password', async () => {
    sim = await startSimulator({ heartbeatMs: null });
    const results = byId(await runDoctor(config(sim.restUrl, { password: 'nope' })));
    expect(results.tls?.status).toBe('skipped');
    expect(results.discovery?.status).toBe('ok');
    expect(results.authentication).toMatchObject({
      status: 'fail',
      hint: expect.stringMatching(/login or password/i),
    });
    expect(results.session?.status).toBe('skipped');
  });

  it('fails at the REST port for an address nobody answers on', async () => {
    const results = byId(await runDoctor(config('http://127.0.0.1:9')));
    expect(results.dns?.status).toBe('ok');
    expect(results['rest-port']).toMatchObject({
      status: 'fail',
      hint: expect.stringMatching(/firewall/),
    });
  });
});
