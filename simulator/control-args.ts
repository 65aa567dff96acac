// Turns `npm run simctl -- ...` arguments into a control command (plain Node, no I/O), so the
// mapping can be tested without a running simulator.
import { parseArgs } from 'node:util';
import type { ControlCommand } from './control-commands.js';

export const SIMCTL_HELP = `Usage: npm run simctl -- <command> [options]

  call --from NUMBER|LOGIN [--name "First Last"] [--anonymous] --to LOGIN
  answer CALLREF
  hangup CALLREF [--side caller|callee]          (default caller)
  missed CALLREF                                 (the call rings out)
  redirect CALLREF --to NUMBER|VOICEMAIL
  pickup CALLREF --user LOGIN                    (another user takes the ringing call)
  voicemail --to LOGIN
  dnd on|off --user LOGIN
  inject --user LOGIN --json '{"eventName":...}'
  fault split --offsets 148,200 | bytewise | batch --count N | end | reset
  fault cut [--at BYTES] [--how reset|end] | silent | expire [--user LOGIN]
  fault fail --path /sessions/keepalive --status 503|reset [--times N] [--method POST]
  fault delay --path /OTEvents --ms 2000 [--times N] | clear
  scenario reference|FILE                         (replays it now)
  demo on|off [--user LOGIN]                     (demo calls every 15-30 s)
  calls | status
  Global: --control URL (default: read from the file the simulator wrote)`;

function count(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new Error(`${flag} needs a whole number.`);
  return number;
}

function required(value: string | undefined, what: string): string {
  if (value === undefined || value === '') throw new Error(`Missing ${what}.`);
  return value;
}

export function parseControlArgs(argv: string[]): { command: ControlCommand; control?: string } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      name: { type: 'string' },
      anonymous: { type: 'boolean' },
      to: { type: 'string' },
      side: { type: 'string' },
      user: { type: 'string' },
      json: { type: 'string' },
      offsets: { type: 'string' },
      count: { type: 'string' },
      at: { type: 'string' },
      how: { type: 'string' },
      path: { type: 'string' },
      status: { type: 'string' },
      times: { type: 'string' },
      method: { type: 'string' },
      ms: { type: 'string' },
      control: { type: 'string' },
    },
  });
  const [verb, argument] = positionals;
  const side = values.side === 'callee' ? 'callee' : 'caller';
  if (values.side !== undefined && values.side !== 'caller' && values.side !== 'callee') {
    throw new Error('--side is caller or callee.');
  }
  const control = values.control;
  const done = (command: ControlCommand) => ({ command, ...(control ? { control } : {}) });

  switch (verb) {
    case 'call':
      return done({
        command: 'call',
        from: required(values.from, '--from'),
        to: required(values.to, '--to'),
        ...(values.name ? { name: values.name } : {}),
        ...(values.anonymous ? { anonymous: true } : {}),
      });
    case 'answer':
    case 'missed':
      return done({ command: verb, callRef: required(argument, 'the callRef') });
    case 'hangup':
      return done({ command: 'hangup', callRef: required(argument, 'the callRef'), side });
    case 'redirect':
      return done({
        command: 'redirect',
        callRef: required(argument, 'the callRef'),
        to: required(values.to, '--to'),
      });
    case 'pickup':
      return done({
        command: 'pickup',
        callRef: required(argument, 'the callRef'),
        by: required(values.user, '--user'),
      });
    case 'voicemail':
      return done({ command: 'voicemail', to: required(values.to ?? values.user, '--to') });
    case 'dnd':
      if (argument !== 'on' && argument !== 'off') throw new Error('dnd takes on or off.');
      return done({ command: 'dnd', user: required(values.user, '--user'), on: argument === 'on' });
    case 'inject': {
      const text = required(values.json, '--json');
      let event: string | Record<string, unknown> = text;
      try {
        event = JSON.parse(text) as Record<string, unknown>;
      } catch {
        // Not JSON: sent as a raw line on purpose (clients must survive bad lines).
      }
      return done({ command: 'inject', user: required(values.user, '--user'), event });
    }
    case 'fault':
      return done({ command: 'fault', fault: faultOf(argument, values) });
    case 'scenario':
      return done({ command: 'scenario', name: required(argument, 'the scenario name or file') });
    case 'demo':
      if (argument !== 'on' && argument !== 'off') throw new Error('demo takes on or off.');
      return done({
        command: 'demo',
        on: argument === 'on',
        ...(values.user ? { user: values.user } : {}),
      });
    case 'calls':
    case 'status':
      return done({ command: verb });
    default:
      throw new Error(verb ? `Unknown command "${verb}".` : 'No command given.');
  }
}

type FaultValues = Record<string, string | boolean | undefined>;
type Fault = Extract<ControlCommand, { command: 'fault' }>['fault'];

function faultOf(kind: string | undefined, values: FaultValues): Fault {
  const text = (key: string) =>
    typeof values[key] === 'string' ? (values[key] as string) : undefined;
  const match = () => ({
    path: required(text('path'), '--path'),
    ...(text('method') ? { method: text('method') } : {}),
    ...(text('times') ? { times: count(text('times'), '--times') } : {}),
  });
  switch (kind) {
    case 'split': {
      const offsets = required(text('offsets'), '--offsets')
        .split(',')
        .map((o) => count(o.trim(), '--offsets') ?? 0);
      return { kind, offsets };
    }
    case 'batch':
      return { kind, count: count(required(text('count'), '--count'), '--count') ?? 2 };
    case 'cut': {
      const how = text('how');
      if (how !== undefined && how !== 'reset' && how !== 'end')
        throw new Error('--how is reset or end.');
      return {
        kind,
        ...(text('at') ? { atByte: count(text('at'), '--at') } : {}),
        ...(how ? { how } : {}),
      };
    }
    case 'fail': {
      const status = required(text('status'), '--status');
      return {
        kind,
        ...match(),
        status: status === 'reset' ? 'reset' : (count(status, '--status') ?? 500),
      };
    }
    case 'delay':
      return { kind, ...match(), ms: count(required(text('ms'), '--ms'), '--ms') ?? 0 };
    case 'expire':
      return { kind, ...(text('user') ? { user: text('user') } : {}) };
    case 'bytewise':
    case 'end':
    case 'reset':
    case 'silent':
    case 'clear':
      return { kind };
    default:
      throw new Error(
        `Unknown fault "${kind ?? ''}": split, bytewise, batch, end, reset, cut, silent, fail, expire, delay, clear.`,
      );
  }
}
