/**
 * Main process: the app's log file through electron-log, rotated by size, with every message
 * scrubbed of secrets twice: by the engine's redacting factory, and again by a hook on the
 * logger itself so a line written by any other module cannot leak a password either.
 */
import type { LogMessage, WriteOptions } from 'electron-log';
import type { LogFields, Logger, LoggerFactory } from '../../gateway/log.js';
import { redactingFactory } from '../../gateway/log.js';

/** Rotate at 1 MB: electron-log keeps one previous file (main.old.log). */
export const LOG_MAX_BYTES = 1024 * 1024;

type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** The part of electron-log's MainLogger this module drives. */
export interface ElectronLogLike {
  hooks: Array<(message: LogMessage) => LogMessage | false>;
  transports: {
    file: { maxSize: number; level: string | false; writeOptions?: WriteOptions };
  };
  scope(label: string): Record<LogLevel, (...params: unknown[]) => void>;
}

function scrubValue(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === 'string') return redact(value);
  if (value instanceof Error) return redact(`${value.name}: ${value.message}`);
  if (value !== null && typeof value === 'object') {
    try {
      return JSON.parse(redact(JSON.stringify(value)));
    } catch {
      return '[unserialisable]';
    }
  }
  return value;
}

/** The hook electron-log runs on every message before any transport writes it. */
export function redactionHook(redact: (text: string) => string) {
  return <M extends { data: unknown[] }>(message: M): M => ({
    ...message,
    data: message.data.map((value) => scrubValue(value, redact)),
  });
}

export function configureAppLog(
  log: ElectronLogLike,
  redact: (text: string) => string,
): LoggerFactory {
  log.transports.file.maxSize = LOG_MAX_BYTES;
  log.transports.file.level = 'info';
  // The log names the gateway, the user's session events and errors that may quote the gateway:
  // like settings.json it is its owner's only (electron-log's default is 0666 minus the umask).
  // The mode applies when a file is created, so to each file after a rotation too.
  log.transports.file.writeOptions = { ...log.transports.file.writeOptions, mode: 0o600 };
  log.hooks.push(redactionHook(redact));

  const toElectronLog: LoggerFactory = (module) => {
    const scoped = log.scope(module);
    const at =
      (level: LogLevel) =>
      (msg: string, fields?: LogFields): void => {
        if (fields && Object.keys(fields).length > 0) scoped[level](msg, fields);
        else scoped[level](msg);
      };
    const logger: Logger = {
      debug: at('debug'),
      info: at('info'),
      warn: at('warn'),
      error: at('error'),
    };
    return logger;
  };
  return redactingFactory(toElectronLog);
}
