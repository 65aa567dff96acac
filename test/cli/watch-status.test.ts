// `o2g-presence watch` text mode as a newcomer sees it: an ending error said once in words with
// no log noise unless asked for.
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
});
