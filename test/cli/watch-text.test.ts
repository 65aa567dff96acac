// D1 on the terminal: a call whose caller number and name carry escape sequences (clear screen,
// window title, OSC 52 clipboard), BEL, a C1 CSI, bidi overrides and line breaks goes through
// the real `watch` text output; not one control byte reaches stdout. The reporter itself is
// also fed hand-made text the model would never pass on (callRef, connection reason, user), to
// prove its own guard.
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator } from '../../simulator/index.js';
import type { Simulator } from '../../simulator/index.js';
import { doctorLine } from '../../electron/cli/doctor.js';
import { TerminalReporter, callLogLine, statusLine } from '../../electron/cli/terminal-output.js';
import type { Alert, PresenceView } from '../../shared/presence/types.js';
import { runCli } from './cli-harness.js';
import type { CliRun } from './cli-harness.js';

const ESC = '\u001b';
const BEL = '\u0007';
const INJECTED = `0240${ESC}[2J${ESC}]0;PWNED${BEL}${ESC}]52;c;aGk=${BEL}\u009b2J\u202e\n9`;
/** Control characters, and the bidi controls a terminal would reorder text by. */
const UNSAFE = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

let sim: Simulator | undefined;
let cli: CliRun | undefined;
afterEach(async () => {
  if (cli && cli.child.exitCode === null) cli.child.kill('SIGKILL');
  await sim?.stop();
  sim = undefined;
  cli = undefined;
});

describe('o2g-presence watch (text output) with hostile caller text', () => {
  it('writes no ESC, BEL, C1 or bidi control to stdout, and one line per call event', async () => {
    sim = await startSimulator({ heartbeatMs: null });
    cli = runCli(
      ['watch', '--server', sim.restUrl, '--login', 'oxe19141', '--password-env', 'O2G_TEST_PW'],
      { O2G_TEST_PW: 'Viola-19141' },
    );
    const run = cli;
    const raw: Buffer[] = [];
    run.child.stdout.on('data', (chunk: Buffer) => raw.push(chunk));
    await run.waitForLine((l) => l.includes('| online'), 'online status line');

    await sim.placeCall({ number: INJECTED }, 'oxe19141');
    await run.waitForLine((l) => l.includes('ringing from'), 'ringing line');
    await sim.placeCall(
      { number: '0612', name: { displayName: `Evil${ESC}]0;PWNED${BEL}\u202eCorp\nX` } },
      'oxe19141',
    );
    await run.waitForLine((l) => l.includes('ringing from Evil'), 'second ringing line');
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);

    const output = Buffer.concat(raw).toString('utf8');
    // Line feeds are the output's own; nothing else of the kind may be there.
    const lines = output.split('\n');
    for (const line of lines) expect(line).not.toMatch(UNSAFE);
    expect(
      lines.filter((l) => l.includes('ringing from 0240[2J]0;PWNED]52;c;aGk=2J 9')),
    ).toHaveLength(1);
    expect(
      lines.filter((l) => l.includes('ringing from Evil ]0;PWNED Corp X (0612)')),
    ).toHaveLength(1);
  });
});

describe('the terminal reporter guards every field itself', () => {
  const alert: Alert = {
    callRef: `70${ESC}]52;c;aGk=${BEL}01`,
    caller: {
      name: `Marc${ESC}[2J Olivier`,
      number: `0240${BEL}123456\u202e`,
      via: `31${'\u009b'}900`,
      anonymous: false,
      unknown: false,
    },
    since: 0,
    canAnswer: true,
    canSendToVoicemail: true,
  };
  const view = {
    tray: 'reconnecting',
    connection: {
      status: 'reconnecting',
      reason: `gateway said ${ESC}]0;PWNED${BEL}\nbye`,
      nextAttemptAt: 5_000,
    },
    user: {
      loginName: 'oxe1',
      firstName: `Anne${ESC}[31m`,
      lastName: 'Ker\u2067jean',
      companyPhone: `31001${ESC}]52;c;aGk=${BEL}`,
      devices: [],
    },
    counters: { missedCalls: 0, voiceMessages: 0 },
    dnd: false,
    alerts: [],
  } as unknown as PresenceView;

  it('call log and status line hold no control or bidi character', () => {
    const at = new Date(2026, 0, 1, 9, 5, 7);
    const lines = [
      callLogLine({ action: 'show', alert }, at),
      callLogLine({ action: 'close', callRef: alert.callRef, reason: 'missed' }, at),
      statusLine(view, 2_000),
    ];
    for (const line of lines) expect(line).not.toMatch(UNSAFE);
    expect(lines[0]).toBe(
      '09:05:07  ringing from Marc[2J Olivier (0240123456, via 31900)  [call 70]52;c;aGk=01]',
    );
    expect(lines[2]).toContain('reconnecting: gateway said ]0;PWNED bye');
  });

  it('doctor lines quote the gateway without its control characters', () => {
    const line = doctorLine({
      id: 'login',
      label: 'Login accepted',
      status: 'fail',
      detail: `HTTP 500: ${ESC}]0;PWNED${BEL}\u202eoops`,
      hint: 'Check the login.',
    });
    expect(line).toBe(
      '[FAIL] Login accepted: HTTP 500: ]0;PWNEDoops\n       fix: Check the login.',
    );
  });

  it('on a terminal, the only escape written is its own line clearing', () => {
    const written: string[] = [];
    const out = {
      isTTY: true,
      columns: 200,
      write: (chunk: string) => written.push(chunk),
    } as unknown as NodeJS.WriteStream;
    const reporter = new TerminalReporter(out, () => 2_000);
    reporter.update(view);
    reporter.alert({ action: 'show', alert });
    reporter.alert({ action: 'close', callRef: alert.callRef, reason: 'answered' });
    reporter.finish();
    const text = written.join('').replaceAll('\r\u001b[2K', '');
    for (const line of text.split('\n')) expect(line).not.toMatch(UNSAFE);
    expect(text).toContain('ringing from Marc[2J Olivier');
  });
});
