/**
 * Test-only: a logger that keeps every line, so tests can assert what was logged (and what
 * never was, such as a password).
 */
import type { LogFields, Logger, LoggerFactory } from '../../electron/gateway/log.js';

export interface LogLine {
  readonly module: string;
  readonly level: keyof Logger;
  readonly msg: string;
  readonly fields?: LogFields;
}

export function recordingLog(): { factory: LoggerFactory; lines: LogLine[]; log: Logger } {
  const lines: LogLine[] = [];
  const factory: LoggerFactory = (module) => {
    const at =
      (level: keyof Logger) =>
      (msg: string, fields?: LogFields): void => {
        lines.push({ module, level, msg, ...(fields ? { fields } : {}) });
      };
    return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  };
  return { factory, lines, log: factory('test') };
}
