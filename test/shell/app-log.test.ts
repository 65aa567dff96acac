// The app log: rotated by size, and scrubbed twice (redacting factory + electron-log hook) so
// no secret reaches the file whichever way a line is written.
import { describe, expect, it } from 'vitest';
import { redactSecrets, registerSecret } from '../../electron/gateway/log.js';
import type { ElectronLogLike } from '../../electron/main/system/app-log.js';
import {
  configureAppLog,
  LOG_MAX_BYTES,
  redactionHook,
} from '../../electron/main/system/app-log.js';

function memoryLog(): ElectronLogLike & { written: string[] } {
  const written: string[] = [];
  const log: ElectronLogLike & { written: string[] } = {
    written,
    hooks: [],
    transports: { file: { maxSize: 0, level: 'silly', writeOptions: { flag: 'a', mode: 0o666 } } },
    scope: (label) => {
      const at =
        (level: 'debug' | 'info' | 'warn' | 'error') =>
        (...data: unknown[]) => {
          let message: Parameters<ElectronLogLike['hooks'][number]>[0] | false = {
            data,
            date: new Date(0),
            level,
            scope: label,
          };
          for (const hook of log.hooks) if (message) message = hook(message);
          if (message) written.push(`${level} ${label} ${JSON.stringify(message.data)}`);
        };
      return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
    },
  };
  return log;
}

describe('app log', () => {
  it('rotates at 1 MB, info and above', () => {
    const log = memoryLog();
    configureAppLog(log, redactSecrets);
    expect(log.transports.file.maxSize).toBe(LOG_MAX_BYTES);
    expect(log.transports.file.writeOptions).toEqual({ flag: 'a', mode: 0o600 });
    expect(log.transports.file.level).toBe('info');
    expect(log.hooks).toHaveLength(1);
  });

  it('one logger per module, by name, with fields', () => {
    const log = memoryLog();
    configureAppLog(log, redactSecrets)('tray').warn('No system tray', { desktop: 'i3' });
    expect(log.written).toEqual(['warn tray ["No system tray",{"desktop":"i3"}]']);
  });

  it('scrubs Authorization headers, cookies, secret fields and registered passwords', () => {
    registerSecret('Tr0mbone!Quiet#42');
    const log = memoryLog();
    const logger = configureAppLog(log, redactSecrets)('gateway.http');
    logger.info('GET /authenticate Authorization: Basic b3hlMzEwMDE6VHIwbWJvbmUhUXVpZXQjNDI=');
    logger.info('Set-Cookie: AlcUserId=abc123; Path=/');
    logger.error('login failed', {
      password: 'Tr0mbone!Quiet#42',
      detail: 'with Tr0mbone!Quiet#42',
    });
    const text = log.written.join('\n');
    expect(text).not.toContain('Tr0mbone');
    expect(text).not.toContain('b3hlMzEwMDE6');
    expect(text).not.toContain('abc123');
    expect(text).toContain('[redacted]');
  });

  it('the hook alone scrubs lines that bypass the factory (any module using electron-log)', () => {
    registerSecret('Tr0mbone!Quiet#42');
    const hook = redactionHook(redactSecrets);
    const out = hook({
      data: [
        'pw Tr0mbone!Quiet#42',
        { nested: { auth: 'Basic abc=' } },
        new Error('x Tr0mbone!Quiet#42'),
        42,
      ],
      date: new Date(0),
      level: 'info',
    });
    expect(JSON.stringify(out.data)).not.toContain('Tr0mbone');
    expect(JSON.stringify(out.data)).not.toContain('abc=');
    expect(out.data[3]).toBe(42);
  });
});
