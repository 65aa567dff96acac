/**
 * Command-line parsing of `o2g-presence` (plain Node, terminal): `watch` and `doctor` with
 * node:util parseArgs, and clear refusals for what we never accept (a password argument).
 */
import { parseArgs } from 'node:util';
import { accessModeSchema } from '../../shared/settings/schema.js';
import type { AccessMode } from '../../shared/settings/schema.js';

/** Log levels `--log-level` takes (pino's names). */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type PasswordSource =
  | { readonly kind: 'prompt' }
  | { readonly kind: 'stdin' }
  | { readonly kind: 'env'; readonly name: string };

export interface ConnectArgs {
  readonly server: string;
  readonly login: string;
  readonly password: PasswordSource;
  readonly caFiles: readonly string[];
  readonly access: AccessMode;
  readonly proxy?: string;
}

export type Command =
  | { readonly command: 'help' }
  | {
      readonly command: 'watch';
      readonly json: boolean;
      readonly demo: boolean;
      readonly connect?: ConnectArgs;
      readonly verbose: boolean;
      /** Log lines on stderr from this level up; none when undefined. */
      readonly logLevel?: LogLevel;
    }
  | {
      readonly command: 'doctor';
      readonly connect: ConnectArgs;
      readonly verbose: boolean;
      readonly logLevel?: LogLevel;
    };

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `Usage:
  o2g-presence watch --server URL --login LOGIN [options]   live presence and calls
  o2g-presence watch --demo [--json]                        the same against the built-in simulator
  o2g-presence doctor --server URL --login LOGIN [options]  connection checks with fix hints

Options:
  --server URL            gateway address: host, host:port or URL (http:// kept as given)
  --login LOGIN           O2G login, e.g. oxe24017
  --password-stdin        read the password from standard input
  --password-env NAME     read the password from environment variable NAME
                          (otherwise a hidden prompt asks for it)
  --ca FILE               extra trusted CA certificate (PEM); repeatable
  --access MODE           private, public or auto (default: auto, private first)
  --proxy URL             proxy for all requests (default: HTTPS_PROXY / HTTP_PROXY / NO_PROXY)
  --json                  one JSON object per line, one per change
  --verbose               log lines on standard error (same as --log-level debug)
  --log-level LEVEL       log lines on standard error from LEVEL up: debug, info, warn,
                          error (default: none; the status line says what matters)
  -h, --help              this text

Exit codes: 0 stopped with Ctrl+C or all doctor checks passed, 1 a doctor check failed or an
error, 2 bad usage, 3 the gateway refused the login or password.`;

const OPTIONS = {
  server: { type: 'string' },
  login: { type: 'string' },
  'password-stdin': { type: 'boolean', default: false },
  'password-env': { type: 'string' },
  ca: { type: 'string', multiple: true },
  // No default here: `watch --demo` must tell an explicit --access from none.
  access: { type: 'string' },
  proxy: { type: 'string' },
  json: { type: 'boolean', default: false },
  demo: { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
  'log-level': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export function parseCommandLine(argv: readonly string[]): Command {
  const passwordArg = argv.find((arg) => arg === '--password' || arg.startsWith('--password='));
  if (passwordArg) {
    throw new UsageError(
      'A password is never accepted as an argument (it would show in the process list and shell ' +
        'history). Use the prompt, --password-stdin or --password-env NAME.',
    );
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals, tokens } = parsed;
  const command = positionals[0];
  if (values.help || command === undefined || command === 'help') return { command: 'help' };
  if (positionals.length > 1) {
    // Its value is not repeated: a password typed in the wrong place would land in the output.
    throw new UsageError(
      `Unexpected argument ${extraPosition(tokens)} (only one command is taken; ` +
        'a value with spaces needs quotes).',
    );
  }

  if (command === 'watch') {
    if (values.demo) {
      const ignored: string[] = DEMO_REFUSES.filter((option) => values[option] !== undefined);
      if (values['password-stdin']) ignored.push('password-stdin');
      if (ignored.length > 0) {
        const list = ignored.map((option) => `--${option}`).join(', ');
        throw new UsageError(`--demo runs against the built-in simulator and takes no ${list}.`);
      }
      return { command, json: values.json, demo: true, ...logLevel(values) };
    }
    return {
      command,
      json: values.json,
      demo: false,
      connect: connectArgs(values),
      ...logLevel(values),
    };
  }
  if (command === 'doctor') {
    if (values.demo || values.json) throw new UsageError('doctor takes neither --demo nor --json.');
    return { command, connect: connectArgs(values), ...logLevel(values) };
  }
  // A word is echoed to show the typo; anything else might be a misplaced secret.
  const named = /^[A-Za-z-]{1,20}$/.test(command) ? ` "${command}"` : '';
  throw new UsageError(`Unknown command${named}. Use watch or doctor.`);
}

/** The 1-based place on the command line of the first positional after the command. */
function extraPosition(tokens: ReadonlyArray<{ kind: string; index: number }>): number {
  const extra = tokens.filter((token) => token.kind === 'positional')[1];
  return (extra?.index ?? 0) + 1;
}

/** --verbose means everything; otherwise --log-level, else no log line at all. */
function logLevel(values: { verbose: boolean; 'log-level'?: string }): {
  verbose: boolean;
  logLevel?: LogLevel;
} {
  const given = values['log-level'];
  if (given !== undefined && !(LOG_LEVELS as readonly string[]).includes(given)) {
    throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}.`);
  }
  if (values.verbose) return { verbose: true, logLevel: 'debug' };
  return given === undefined ? { verbose: false } : { verbose: false, logLevel: given as LogLevel };
}

/** Options that only make sense against a real gateway. */
const DEMO_REFUSES = ['server', 'login', 'ca', 'proxy', 'access', 'password-env'] as const;

/** What an environment variable name looks like on every platform we run on. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function connectArgs(values: {
  server?: string;
  login?: string;
  'password-stdin': boolean;
  'password-env'?: string;
  ca?: string[];
  access?: string;
  proxy?: string;
}): ConnectArgs {
  if (!values.server) throw new UsageError('--server is required (or use watch --demo).');
  if (!values.login?.trim()) throw new UsageError('--login is required and cannot be blank.');
  const access = accessModeSchema.safeParse(values.access ?? 'auto');
  if (!access.success)
    throw new UsageError(`--access must be private, public or auto, not "${values.access}".`);
  if (values['password-stdin'] && values['password-env']) {
    throw new UsageError('Choose one of --password-stdin and --password-env.');
  }
  const envName = values['password-env'];
  if (envName !== undefined && !ENV_NAME.test(envName)) {
    // Not echoed: what was given here is likely the password itself.
    throw new UsageError(
      '--password-env takes the NAME of an environment variable, not a password ' +
        '(a name is made of letters, digits and _).',
    );
  }
  const password: PasswordSource = values['password-stdin']
    ? { kind: 'stdin' }
    : values['password-env']
      ? { kind: 'env', name: values['password-env'] }
      : { kind: 'prompt' };
  return {
    server: values.server,
    login: values.login,
    password,
    caFiles: values.ca ?? [],
    access: access.data,
    ...(values.proxy ? { proxy: values.proxy } : {}),
  };
}
