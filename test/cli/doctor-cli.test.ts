// `o2g-presence doctor` as a real process: one line per check, a fix hint on failure, and the
// exit code telling whether every check passed.
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator } from '../../simulator/index.js';
import type { Simulator } from '../../simulator/index.js';
import { runCli } from './cli-harness.js';

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

describe('o2g-presence doctor', () => {
  it('prints each check and exits 0 on a healthy gateway', async () => {
    sim = await startSimulator({ heartbeatMs: null });
    const env = { O2G_PW: 'Viola-19141' };
    const run = runCli(
      ['doctor', '--server', sim.restUrl, '--login', 'oxe19141', '--password-env', 'O2G_PW'],
      env,
    );
    expect(await run.exited).toBe(0);
    const out = run.stdout.join('\n');
    expect(out).toMatch(/\[ok {2}\] Authentication: accepted/);
    expect(out).toMatch(/\[ok {2}\] First event received/);
    expect(out).toMatch(/All checks passed/);
  });

  it('tells a plain-HTTP gateway reached as host:port apart from an untrusted CA', async () => {
    sim = await startSimulator({ heartbeatMs: null });
    const hostPort = new URL(sim.restUrl).host;
    const run = runCli(
      ['doctor', '--server', hostPort, '--login', 'oxe19141', '--password-env', 'O2G_PW'],
      { O2G_PW: 'Viola-19141' },
    );
    expect(await run.exited).toBe(1);
    const out = run.stdout.join('\n');
    expect(out).toMatch(
      /\[FAIL\] TLS certificate trusted.*The server answered in plain HTTP, not TLS/,
    );
    expect(out).toContain(`use http://${hostPort} if this gateway really has no TLS`);
    expect(out).not.toMatch(/wrong version number|company CA/);
  });

  it('exits non-zero with a fix hint when authentication fails', async () => {
    sim = await startSimulator({ heartbeatMs: null });
    const run = runCli(
      ['doctor', '--server', sim.restUrl, '--login', 'oxe19141', '--password-stdin'],
      {},
      'Wr0ng-Secret!\n',
    );
    expect(await run.exited).toBe(1);
    const out = run.stdout.join('\n');
    expect(out).toMatch(/\[FAIL\] Authentication/);
    expect(out).toMatch(/fix: .*login and password|fix: Wrong login or password/);
    expect(out).not.toContain('Wr0ng-Secret!');
  });
});
