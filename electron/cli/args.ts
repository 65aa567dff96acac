/**
 * Command-line parsing of `o2g-presence` (plain Node, terminal): `watch` and `doctor` with
 * node:util parseArgs, and clear refusals for what we never accept (a password argument).
 */
import { parseArgs } from 'node:util';
import { accessModeSchema } from '../../shared/settings/schema.js';
import type { AccessMode } from '../../shared/settings/schema.js';

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
    }
  | { readonly command: 'doctor'; readonly connect: ConnectArgs; readonly verbose: boolean };

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
  --verbose               log lines on standard error
  -h, --help              this text

Exit codes: 0 stopped with Ctrl+C or all doctor checks passed, 1 a doctor check failed or an
error, 2 bad usage, 3 the gateway refused the login or password.`;

const OPTIONS = {
  server: { type: 'string' },
  login: { type: 'string' },
  'password-stdin': { type: 'boolean', default: false },
  'password-env': { type: 'string' },
  ca: { type: 'string', multiple: true },
  access: { type: 'string', default: 'auto' },
  proxy: { type: 'string' },
  json: { type: 'boolean', default: false },
  demo: { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
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
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (values.help || command === undefined || command === 'help') return { command: 'help' };
  if (positionals.length > 1) throw new UsageError(`Unexpected argument "${positionals[1]}".`);

  if (command === 'watch') {
    if (values.demo) {
      if (values.server || values.login)
        throw new UsageError('--demo takes no --server or --login.');
      return { command, json: values.json, demo: true, verbose: values.verbose };
    }
    return {
      command,
      json: values.json,
      demo: false,
      connect: connectArgs(values),
      verbose: values.verbose,
    };
  }
  if (command === 'doctor') {
    if (values.demo || values.json) throw new UsageError('doctor takes neither --demo nor --json.');
    return { command, connect: connectArgs(values), verbose: values.verbose };
  }
  throw new UsageError(`Unknown command "${command}". Use watch or doctor.`);
}

function connectArgs(values: {
  server?: string;
  login?: string;
  'password-stdin': boolean;
  'password-env'?: string;
  ca?: string[];
  access: string;
  proxy?: string;
}): ConnectArgs {
  if (!values.server) throw new UsageError('--server is required (or use watch --demo).');
  if (!values.login) throw new UsageError('--login is required.');
  const access = accessModeSchema.safeParse(values.access);
  if (!access.success)
    throw new UsageError(`--access must be private, public or auto, not "${values.access}".`);
  if (values['password-stdin'] && values['password-env']) {
    throw new UsageError('Choose one of --password-stdin and --password-env.');
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
