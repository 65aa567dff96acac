/**
 * A pino-backed LoggerFactory for the terminal front end (plain Node). pino's own `redact`
 * masks secret-named fields; `redactingFactory` additionally scrubs secret shapes from messages.
 */
import pino from 'pino';
import type { DestinationStream, Level } from 'pino';
import { SECRET_FIELD_NAMES, redactingFactory } from './log.js';
import type { LogFields, LoggerFactory } from './log.js';

export interface PinoLogOptions {
  readonly level?: Level;
  /** Where lines go; defaults to stderr so stdout stays clean for `--json`. */
  readonly destination?: DestinationStream;
}

export function createPinoLoggerFactory(options: PinoLogOptions = {}): LoggerFactory {
  const paths = SECRET_FIELD_NAMES.flatMap((name) => [name, `*.${name}`]);
  const root = pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      redact: { paths, censor: '[redacted]' },
    },
    // Synchronous, so the last lines are written even when the CLI exits right after them.
    options.destination ?? pino.destination({ dest: 2, sync: true }),
  );

  return redactingFactory((module) => {
    const child = root.child({ module });
    const at =
      (level: Level) =>
      (msg: string, fields?: LogFields): void => {
        if (fields) child[level]({ ...fields }, msg);
        else child[level](msg);
      };
    return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  });
}
