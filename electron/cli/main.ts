/**
 * Entry point of the `o2g-presence` terminal front end (plain Node): parses the command line,
 * gets the password safely and runs `watch` (live or against the built-in simulator) or
 * `doctor`. Bundled to dist/cli/o2g-presence.cjs; from source: `npm run o2g-presence -- ...`.
 */
import { createPinoLoggerFactory } from '../gateway/pino-log.js';
import { ConfigError, validateConfig } from '../gateway/config.js';
import { silentLoggerFactory } from '../gateway/index.js';
import type { EngineConfig } from '../gateway/index.js';
import { USAGE, UsageError, parseCommandLine } from './args.js';
import type { ConnectArgs } from './args.js';
import { startDemoGateway } from './demo.js';
import { doctor } from './doctor.js';
import { obtainPassword, readCaFiles } from './password.js';
import { printable } from './printable.js';
import { watch } from './watch.js';

const APPLICATION_NAME = 'o2g-presence-cli';

async function engineConfig(args: ConnectArgs): Promise<EngineConfig> {
  const config: EngineConfig = {
    server: args.server,
    login: args.login,
    password: await obtainPassword(args.password),
    accessMode: args.access,
    caPems: await readCaFiles(args.caFiles),
    ...(args.proxy ? { proxy: args.proxy } : {}),
    applicationName: APPLICATION_NAME,
  };
  try {
    validateConfig(config);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
  return config;
}

async function main(argv: readonly string[]): Promise<number> {
  const command = parseCommandLine(argv);
  if (command.command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  // Log lines only when asked for: the status line and the exit message already say what
  // matters, and raw JSON lines on a terminal read as noise. They go to stderr (stdout stays
  // clean for --json).
  const logger = command.logLevel
    ? createPinoLoggerFactory({ level: command.logLevel })
    : silentLoggerFactory;

  if (command.command === 'doctor') return doctor(await engineConfig(command.connect), logger);

  if (command.demo) {
    const demo = await startDemoGateway(APPLICATION_NAME);
    if (!command.json) process.stdout.write(`${demo.banner}\n`);
    return watch({
      config: demo.config,
      json: command.json,
      logger,
      onStarted: () => demo.play(),
      cleanup: () => demo.stop(),
    });
  }
  return watch({ config: await engineConfig(command.connect!), json: command.json, logger });
}

// The reader of stdout went away (`... --json | head`): stop as after Ctrl+C, politely closing
// the gateway session, instead of dying on an unhandled EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.emit('SIGTERM', 'SIGTERM');
});

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`o2g-presence: ${error.message}\n\n${USAGE}\n`);
      process.exit(2);
    }
    // A failure message may quote the gateway's answer.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`o2g-presence: ${printable(message)}\n`);
    process.exit(1);
  },
);
