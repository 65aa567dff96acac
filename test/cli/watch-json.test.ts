// `o2g-presence watch --json` on the reference flow, run as a real process against the
// simulator: connection online and tray free; the caller's alert with tray ringing; the alert
// closed as answered with tray busy; tray free. Ctrl+C then stops cleanly with exit code 0.
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator } from '../../simulator/index.js';
import type { Simulator } from '../../simulator/index.js';
import { runCli } from './cli-harness.js';
import type { CliRun } from './cli-harness.js';

let sim: Simulator | undefined;
let cli: CliRun | undefined;
afterEach(async () => {
  if (cli && cli.child.exitCode === null) cli.child.kill('SIGKILL');
  await sim?.stop();
  sim = undefined;
  cli = undefined;
});

const parsed = (run: CliRun) =>
  run.stdout.filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('o2g-presence watch --json', () => {
  it('prints the reference flow as stable JSON lines', async () => {
    sim = await startSimulator({ heartbeatMs: null });
    cli = runCli(
      [
        'watch',
        '--server',
        sim.restUrl,
        '--login',
        'oxe19141',
        '--password-env',
        'O2G_TEST_PASSWORD',
        '--json',
      ],
      { O2G_TEST_PASSWORD: 'Viola-19141' },
    );
    const run = cli;
    await run.waitForLine(
      (l) => l === '{"type":"tray","state":"free","tooltip":"Free"}',
      'tray free',
    );
    expect(run.stdout).toContain('{"type":"connection","status":"online","reason":null}');

    const callRef = await sim.placeCall({ loginName: 'oxe19140' }, 'oxe19141');
    await run.waitForLine((l) => l.includes('"state":"ringing"'), 'tray ringing');
    await sim.answer(callRef);
    await run.waitForLine((l) => l.includes('"state":"busy"'), 'tray busy');
    await sim.hangUp(callRef, 'caller');
    await run.waitForLine(
      () => run.stdout.filter((line) => line.includes('"state":"free"')).length === 2,
      'tray free again',
    );

    const lines = parsed(run);
    const from = lines.findIndex((l) => l.type === 'connection' && l.status === 'online');
    const flow = lines.slice(from).filter((l) => l.type !== 'counters');
    expect(flow).toEqual([
      { type: 'connection', status: 'online', reason: null },
      { type: 'tray', state: 'free', tooltip: 'Free' },
      { type: 'alert', action: 'show', callRef, title: 'Camille Martin', body: '19140' },
      { type: 'tray', state: 'ringing', tooltip: expect.stringContaining('Camille Martin') },
      { type: 'alert', action: 'close', callRef, reason: 'answered' },
      { type: 'tray', state: 'busy', tooltip: expect.any(String) },
      { type: 'tray', state: 'free', tooltip: 'Free' },
    ]);
    // Stable key order, as documented.
    expect(run.stdout.find((l) => l.includes('"action":"show"'))).toMatch(
      /^\{"type":"alert","action":"show","callRef":"[^"]+","title":"Camille Martin","body":"19140"\}$/,
    );

    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(sim.counts()).toMatchObject({ sessionsOpen: 0, subscriptions: 0, openStreams: 0 });
  });

  it('reads the password from stdin and reports wrong credentials with a non-zero exit', async () => {
    sim = await startSimulator({ heartbeatMs: null });
    cli = runCli(
      ['watch', '--server', sim.restUrl, '--login', 'oxe19141', '--password-stdin', '--json'],
      {},
      'wrong-password\n',
    );
    await cli.waitForLine((l) => l.includes('"status":"wrong-credentials"'), 'wrong credentials');
    expect(await cli.exited).toBe(3);
    expect(sim.counts().authentications).toBe(0);
  });
});
