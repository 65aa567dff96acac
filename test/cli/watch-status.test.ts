// `o2g-presence watch` text mode as a newcomer sees it: an ending error said once in words with
// no log noise unless asked for, the certificate hint, no line per second for a countdown, and
// one status line per missed call (not one per model update).
import { afterEach, describe, expect, it } from 'vitest';
import { TerminalReporter, statusLine } from '../../electron/cli/terminal-output.js';
import { startSimulator } from '../../simulator/index.js';
import type { Simulator } from '../../simulator/index.js';
import type { PresenceView } from '../../shared/presence/types.js';
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

const CA_HINT =
  'hint: trust the company CA with --ca FILE (o2g-presence doctor names the CA to ask for)';

function watchArgs(server: string, ...extra: string[]): string[] {
  return ['watch', '--server', server, '--login', 'oxe19141', '--password-env', 'PW', ...extra];
}

describe('o2g-presence watch: what ends the process', () => {
  it('a wrong password: exit 3, said once in words, no log line without --verbose', async () => {
    sim = await startSimulator({ heartbeatMs: null });
    cli = runCli(watchArgs(sim.restUrl), { PW: 'not-the-password' });
    expect(await cli.exited).toBe(3);
    const said = cli.stdout.filter((line) => line.includes('wrong login or password'));
    expect(said).toEqual([
      '[OFFLINE] not signed in | missed 0, voicemail 0 | wrong login or password',
    ]);
    expect(cli.stdout.at(-1)).toBe(said[0]);
    expect(cli.stderr.join('\n')).toBe('');
  });

  it('log lines come back with --verbose or --log-level', async () => {
    sim = await startSimulator({ heartbeatMs: null });
    cli = runCli(watchArgs(sim.restUrl, '--log-level', 'error'), { PW: 'not-the-password' });
    expect(await cli.exited).toBe(3);
    const logged = cli.stderr.filter((line) => line.startsWith('{'));
    expect(logged.map((line) => JSON.parse(line) as { level: number; msg: string })).toEqual([
      expect.objectContaining({ level: 50, msg: 'wrong login or password; not retrying' }),
    ]);

    const verbose = runCli(watchArgs(sim.restUrl, '--verbose'), { PW: 'not-the-password' });
    cli = verbose;
    expect(await verbose.exited).toBe(3);
    expect(verbose.stderr.filter((line) => line.includes('"level":30')).length).toBeGreaterThan(0);
  });

  it('an untrusted certificate: one hint naming --ca, the reason said once', async () => {
    sim = await startSimulator({ tls: true, heartbeatMs: null });
    cli = runCli(watchArgs(sim.restUrl), { PW: 'Viola-19141' });
    const run = cli;
    await run.waitForLine((l) => l.includes('certificate not trusted'), 'untrusted status');
    await run.waitForLine((l) => l === CA_HINT, 'the CA hint');
    // Let a second attempt fail too: the hint is not repeated.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(run.stdout.filter((l) => l === CA_HINT)).toHaveLength(1);
    const untrusted = run.stdout.filter((l) => l.includes('certificate not trusted'));
    for (const line of untrusted) {
      expect(line).toMatch(
        /\| certificate not trusted \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\), retry in [1-9]\d* s$/,
      );
    }
    expect(run.stderr.join('\n')).toBe('');
  });
});

describe('o2g-presence watch: one status line per change a reader cares about', () => {
  it('a missed call gives one status line, with the new count', async () => {
    sim = await startSimulator({ heartbeatMs: null });
    cli = runCli(watchArgs(sim.restUrl), { PW: 'Viola-19141' });
    const run = cli;
    await run.waitForLine((l) => l.includes('| online'), 'online');
    const callRef = await sim.placeCall({ number: '0240123456' }, 'oxe19141');
    await run.waitForLine((l) => l.includes('ringing from'), 'ringing');
    await sim.hangUp(callRef, 'caller');
    await run.waitForLine((l) => l.includes('missed 1,'), 'the missed count');
    await new Promise((resolve) => setTimeout(resolve, 300));
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    const after = run.stdout.slice(run.stdout.findIndex((l) => l.includes('  missed  [call')));
    expect(after.slice(1, 2)).toEqual([
      '[FREE] Julien Moreau (19141) | missed 1, voicemail 0 | online',
    ]);
    expect(run.stdout.filter((l) => l.startsWith('[FREE]') && l.includes('missed 0'))).toHaveLength(
      1,
    );
  });
});

describe('the status line countdown', () => {
  const waiting = (nextAttemptAt: number): PresenceView =>
    ({
      tray: 'offline',
      tooltip: '',
      connection: { status: 'unreachable', reason: 'gateway: connection refused', nextAttemptAt },
      user: null,
      userState: null,
      dnd: false,
      counters: { missedCalls: 0, voiceMessages: 0 },
      calls: [],
      alerts: [],
    }) as unknown as PresenceView;

  function fakeOut(isTTY: boolean) {
    const written: string[] = [];
    const out = { isTTY, columns: 200, write: (chunk: string) => written.push(chunk) };
    return { out: out as unknown as NodeJS.WriteStream, written };
  }

  it('without a terminal, ticking the countdown prints nothing new', () => {
    let now = 10_000;
    const { out, written } = fakeOut(false);
    const reporter = new TerminalReporter(out, () => now);
    reporter.update(waiting(15_000));
    reporter.flush();
    for (let second = 0; second < 5; second++) {
      now += 1_000;
      reporter.tick();
      reporter.flush();
    }
    expect(written).toEqual([
      '[OFFLINE] not signed in | missed 0, voicemail 0 | gateway unreachable: ' +
        'gateway: connection refused, retry in 5 s\n',
    ]);
    // The next attempt failing again is news: a new line with its own wait.
    reporter.update(waiting(now + 2_000));
    reporter.flush();
    expect(written).toHaveLength(2);
  });

  it('prints one line for a burst of changes, the last one', async () => {
    const { out, written } = fakeOut(false);
    const reporter = new TerminalReporter(out, () => 0, 20);
    const online = { ...waiting(0), tray: 'free', connection: { status: 'online' } };
    reporter.update(online as PresenceView);
    reporter.update({ ...online, counters: { missedCalls: 1, voiceMessages: 0 } } as PresenceView);
    expect(written).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(written).toEqual(['[FREE] not signed in | missed 1, voicemail 0 | online\n']);
  });

  it('never says "retry in 0 s" while the attempt is still ahead', () => {
    const view = waiting(10_000);
    expect(statusLine(view, 9_700)).toMatch(/retry in 1 s$/);
    expect(statusLine(view, 8_000)).toMatch(/retry in 2 s$/);
    expect(statusLine(view, 10_000)).toMatch(/retrying now$/);
  });
});
