// Command-line parsing and the output formats of the terminal front end (no network).
import { describe, expect, it } from 'vitest';
import { UsageError, parseCommandLine } from '../../electron/cli/args.js';
import { doctorLine } from '../../electron/cli/doctor.js';
import { JsonReporter } from '../../electron/cli/json-output.js';
import { callLogLine, statusLine } from '../../electron/cli/terminal-output.js';
import type { Alert, PresenceView } from '../../shared/presence/types.js';
import { runCli } from './cli-harness.js';

function captureUsageError(argv: readonly string[]): UsageError {
  try {
    parseCommandLine(argv);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
}

describe('parseCommandLine', () => {
  it('rejects a password argument in every spelling, with the reason', () => {
    for (const argv of [
      ['watch', '--server', 'gw', '--login', 'u', '--password', 'x'],
      ['watch', '--password=x', '--server', 'gw', '--login', 'u'],
    ]) {
      expect(() => parseCommandLine(argv)).toThrow(/never accepted as an argument/);
    }
  });

  it('parses watch with repeatable --ca, access mode and password sources', () => {
    const command = parseCommandLine([
      'watch',
      '--server',
      'gw.example:8443',
      '--login',
      'oxe1',
      '--ca',
      'a.pem',
      '--ca',
      'b.pem',
      '--access',
      'public',
      '--password-env',
      'PW',
      '--json',
    ]);
    expect(command).toEqual({
      command: 'watch',
      json: true,
      demo: false,
      verbose: false,
      connect: {
        server: 'gw.example:8443',
        login: 'oxe1',
        password: { kind: 'env', name: 'PW' },
        caFiles: ['a.pem', 'b.pem'],
        access: 'public',
      },
    });
  });

  it('explains missing or bad options', () => {
    expect(() => parseCommandLine(['watch', '--login', 'u'])).toThrow(/--server is required/);
    expect(() =>
      parseCommandLine(['doctor', '--server', 'g', '--login', 'u', '--access', 'x']),
    ).toThrow(/private, public or auto/);
    expect(() => parseCommandLine(['dial'])).toThrow(UsageError);
    expect(parseCommandLine(['watch', '--demo'])).toMatchObject({ command: 'watch', demo: true });
    expect(() => parseCommandLine(['watch', '--demo', '--log-level', 'loud'])).toThrow(
      /--log-level must be one of debug, info, warn, error/,
    );
  });

  it('logs nothing unless --verbose or --log-level asks for it', () => {
    const base = ['doctor', '--server', 'g', '--login', 'u'];
    expect(parseCommandLine(base)).not.toHaveProperty('logLevel');
    expect(parseCommandLine([...base, '--verbose'])).toMatchObject({ logLevel: 'debug' });
    expect(parseCommandLine([...base, '--log-level', 'warn'])).toMatchObject({ logLevel: 'warn' });
  });

  it('never echoes a password passed to --password-env by mistake', () => {
    const secret = 'Tr0mbone!Quiet#42';
    for (const argv of [
      ['watch', '--server', 'gw', '--login', 'u', `--password-env=${secret}`],
      ['doctor', '--server', 'gw', '--login', 'u', '--password-env', secret],
    ]) {
      const error = captureUsageError(argv);
      expect(error.message).toMatch(/NAME of an environment variable, not a password/);
      expect(error.message).not.toContain(secret);
    }
    // A well-formed name is still accepted as before.
    expect(
      parseCommandLine(['watch', '--server', 'gw', '--login', 'u', '--password-env', 'O2G_PW']),
    ).toMatchObject({ connect: { password: { kind: 'env', name: 'O2G_PW' } } });
  });

  it('names an unexpected argument by its position, not its value', () => {
    const error = captureUsageError(['watch', 'Tr0mbone!Quiet#42', '--demo']);
    expect(error.message).not.toContain('Tr0mbone');
    expect(error.message).toMatch(/argument 2/);
  });

  it('echoes a mistyped command word, but not a first argument that may be a secret', () => {
    expect(captureUsageError(['wacth']).message).toContain('"wacth"');
    const error = captureUsageError(['Tr0mbone!Quiet#42']);
    expect(error.message).toMatch(/Unknown command\. Use watch or doctor/);
    expect(error.message).not.toContain('Tr0mbone');
  });

  it('watch --demo refuses every connection option instead of ignoring it', () => {
    for (const extra of [
      ['--server', 'gw'],
      ['--login', 'u'],
      ['--ca', 'a.pem'],
      ['--proxy', 'http://proxy:3128'],
      ['--access', 'public'],
      ['--access', 'auto'],
      ['--password-env', 'PW'],
      ['--password-stdin'],
    ]) {
      const error = captureUsageError(['watch', '--demo', ...extra]);
      expect(error.message).toContain(extra[0]);
      expect(error.message).toMatch(/--demo/);
    }
    expect(parseCommandLine(['watch', '--demo', '--json', '--verbose'])).toMatchObject({
      demo: true,
      json: true,
      verbose: true,
    });
  });

  it('refuses a blank --login', () => {
    for (const login of ['', ' ', '\t ']) {
      expect(() => parseCommandLine(['watch', '--server', 'gw', '--login', login])).toThrow(
        /--login/,
      );
    }
  });

  it('the real process does not echo a mistaken --password-env value and exits 2', async () => {
    const run = runCli([
      'watch',
      '--server',
      '127.0.0.1:9',
      '--login',
      'u',
      '--password-env=Tr0mbone!Quiet#42',
    ]);
    expect(await run.exited).toBe(2);
    expect(run.stderr.join('\n')).toMatch(/not a password/);
    expect([...run.stderr, ...run.stdout].join('\n')).not.toContain('Tr0mbone');
  });

  it('the real process refuses a bad server address with exit code 2', async () => {
    const run = runCli(['watch', '--server', 'ftp://gw', '--login', 'u', '--password-env', 'PW'], {
      PW: 'x',
    });
    expect(await run.exited).toBe(2);
    expect(run.stderr.join('\n')).toMatch(/https:\/\/ or http:\/\//);
  });

  it('the real process refuses --password with exit code 2', async () => {
    const run = runCli([
      'watch',
      '--server',
      '127.0.0.1:9',
      '--login',
      'u',
      '--password',
      'hunter2',
    ]);
    expect(await run.exited).toBe(2);
    expect(run.stderr.join('\n')).toMatch(/never accepted as an argument/);
  });
});

const alert: Alert = {
  callRef: '7001',
  caller: {
    name: 'Marc Olivier',
    number: '0240123456',
    via: null,
    anonymous: false,
    unknown: false,
  },
  since: 0,
  canAnswer: true,
  canSendToVoicemail: true,
};

describe('output formats', () => {
  it('JSON lines: one per change, stable keys, nothing for an unchanged view', () => {
    const lines: string[] = [];
    const reporter = new JsonReporter((line) => lines.push(line));
    const view = {
      tray: 'free',
      tooltip: 'Free',
      connection: { status: 'online' },
      counters: { missedCalls: 0, voiceMessages: 0 },
    } as unknown as PresenceView;
    reporter.view(view);
    reporter.view({ ...view });
    reporter.alert({ action: 'show', alert });
    reporter.alert({ action: 'close', callRef: '7001', reason: 'missed' });
    expect(lines).toEqual([
      '{"type":"connection","status":"online","reason":null}',
      '{"type":"tray","state":"free","tooltip":"Free"}',
      '{"type":"counters","missedCalls":0,"voiceMessages":0}',
      '{"type":"alert","action":"show","callRef":"7001","title":"Marc Olivier","body":"0240123456"}',
      '{"type":"alert","action":"close","callRef":"7001","reason":"missed"}',
    ]);
  });

  it('terminal: a status line and call log lines', () => {
    const view = {
      tray: 'reconnecting',
      connection: {
        status: 'reconnecting',
        reason: 'event stream answered HTTP 503',
        nextAttemptAt: 5_000,
      },
      user: {
        loginName: 'oxe1',
        firstName: 'Anne',
        lastName: 'Kerjean',
        companyPhone: '31001',
        devices: [],
      },
      counters: { missedCalls: 2, voiceMessages: 1 },
      dnd: false,
    } as unknown as PresenceView;
    expect(statusLine(view, 2_000)).toBe(
      '[RECONNECTING] Anne Kerjean (31001) | missed 2, voicemail 1 | reconnecting: event stream answered HTTP 503, retry in 3 s',
    );
    const at = new Date(2026, 0, 1, 9, 5, 7);
    expect(callLogLine({ action: 'show', alert }, at)).toBe(
      '09:05:07  ringing from Marc Olivier (0240123456)  [call 7001]',
    );
    expect(callLogLine({ action: 'close', callRef: '7001', reason: 'missed' }, at)).toBe(
      '09:05:07  missed  [call 7001]',
    );
  });

  it('doctor lines carry the fix hint on failure', () => {
    expect(
      doctorLine({
        id: 'dns',
        label: 'Address resolves',
        status: 'fail',
        detail: 'nope',
        hint: 'Check it.',
      }),
    ).toBe('[FAIL] Address resolves: nope\n       fix: Check it.');
  });
});
