// `npm run simulator` and `npm run simctl` as real processes: the banner, the control file, a
// call driven from the command line reaching a plain client's stream, and a clean shutdown.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { login, RawStream, subscribe } from './plain-client.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const children: ChildProcess[] = [];
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Runs a simulator script with tsx; TMPDIR isolates the control file from other runs. */
function run(script: string, args: string[], tmp: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, TMPDIR: tmp },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const output = { stdout: '', stderr: '' };
  child.stdout?.on('data', (data: Buffer) => (output.stdout += data.toString()));
  child.stderr?.on('data', (data: Buffer) => (output.stderr += data.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output, exited };
}

const WHOLE_BANNER = /npm run -s o2g-presence -- watch [^\n]*\n/;

async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('simulator command line', () => {
  it('prints how to connect, obeys simctl, and removes its control file on SIGTERM', async () => {
    const tmp = await mkdtemp(join(tmpdir(), 'sim-cli-'));
    cleanups.push(() => rm(tmp, { recursive: true, force: true }));
    const server = run('simulator/cli.ts', ['--heartbeat-ms', '0'], tmp);
    // The banner ends with the from-source watch line; wait for all of it, not the first read.
    await until(() => WHOLE_BANNER.test(server.output.stdout), 'the whole banner');
    const banner = server.output.stdout;
    expect(banner).toMatch(/REST \(server address\): http:\/\/127\.0\.0\.1:\d+/);
    expect(banner).toContain('oxe31001 / Tr0mbone!Quiet#42 / 31001');
    const restUrl = /REST \(server address\): (\S+)/.exec(banner)?.[1] ?? '';
    // Plain HTTP: the hint carries the scheme, since a bare host:port means HTTPS to a client.
    expect(banner).toContain(`--server ${restUrl} `);
    expect(banner).not.toMatch(/"127\.0\.0\.1:\d+"/);
    expect(banner).toContain(
      `O2G_PASSWORD='Viola-19141' node dist/cli/o2g-presence.cjs watch --server ${restUrl} --login oxe19141 ` +
        '--password-env O2G_PASSWORD',
    );
    const controlFile = join(tmp, 'o2g-simulator-control.json');
    expect(JSON.parse(await readFile(controlFile, 'utf8'))).toMatchObject({ restUrl });

    // A plain client listens as oxe19141 while simctl places the call.
    const who = await login({ restUrl }, 'oxe19141', 'Viola-19141');
    const stream = new RawStream((await subscribe(who)).pollingUrl);
    cleanups.push(() => stream.close());
    await stream.untilLines(1);

    const ctl = run(
      'simulator/control-cli.ts',
      ['call', '--from', '0240123456', '--name', 'Marc Olivier', '--to', 'oxe19141'],
      tmp,
    );
    expect(await ctl.exited).toBe(0);
    expect(JSON.parse(ctl.output.stdout)).toMatchObject({ callRef: expect.any(String) });
    await stream.untilLines(2);
    expect(stream.events[1]).toMatchObject({
      eventName: 'OnCallCreated',
      participants: [{ identity: { firstName: 'Marc', lastName: 'Olivier' } }],
    });

    const bad = run('simulator/control-cli.ts', ['answer', 'nope'], tmp);
    expect(await bad.exited).toBe(1);
    expect(bad.output.stderr).toContain('simctl: Unknown callRef.');

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    await expect(readFile(controlFile)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('with --tls names the https address and the CA file the client must trust', async () => {
    const tmp = await mkdtemp(join(tmpdir(), 'sim-cli-'));
    cleanups.push(() => rm(tmp, { recursive: true, force: true }));
    const server = run('simulator/cli.ts', ['--tls', '--quiet', '--heartbeat-ms', '0'], tmp);
    // The banner ends with the from-source watch line; wait for all of it, not the first read.
    await until(() => WHOLE_BANNER.test(server.output.stdout), 'the whole banner');
    const banner = server.output.stdout;
    const restUrl = /REST \(server address\): (\S+)/.exec(banner)?.[1] ?? '';
    expect(restUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const caPath = /CA certificate: +(\S+)/.exec(banner)?.[1] ?? '';
    expect(caPath).toMatch(/o2g-simulator-ca\.pem$/);
    expect(banner).toContain(
      `O2G_PASSWORD='Viola-19141' node dist/cli/o2g-presence.cjs watch --server ${restUrl} --login oxe19141 ` +
        `--password-env O2G_PASSWORD --ca ${caPath}`,
    );
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('refuses to start with an unknown scenario and says why', async () => {
    const tmp = await mkdtemp(join(tmpdir(), 'sim-cli-'));
    cleanups.push(() => rm(tmp, { recursive: true, force: true }));
    const server = run('simulator/cli.ts', ['--scenario', 'no-such-file.json'], tmp);
    expect(await server.exited).toBe(1);
    expect(server.output.stderr).toMatch(/Simulator failed to start: .*no-such-file\.json/);
  });
});
