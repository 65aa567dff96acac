/**
 * `o2g-presence doctor` (plain Node, terminal): runs the connection doctor and prints one line
 * per check with its fix hint; the exit code is non-zero when a check failed.
 */
import { runDoctor } from '../gateway/index.js';
import type { EngineConfig, LoggerFactory } from '../gateway/index.js';
import type { DoctorCheck } from '../../shared/ipc/channels.js';
import { printable } from './printable.js';

const MARKS: Record<DoctorCheck['status'], string> = {
  pending: '...',
  ok: 'ok  ',
  warn: 'warn',
  fail: 'FAIL',
  skipped: 'skip',
};

/** Details quote what the gateway or the network answered, so they pass through printable(). */
export function doctorLine(check: DoctorCheck): string {
  const time = check.durationMs !== undefined ? ` (${check.durationMs} ms)` : '';
  const detail = check.detail ? `: ${printable(check.detail)}` : '';
  const hint =
    check.hint && (check.status === 'fail' || check.status === 'warn')
      ? `\n       fix: ${printable(check.hint)}`
      : '';
  return `[${MARKS[check.status]}] ${printable(check.label)}${detail}${time}${hint}`;
}

export async function doctor(config: EngineConfig, logger: LoggerFactory): Promise<number> {
  const checks = await runDoctor(
    config,
    (check) => {
      if (check.status !== 'pending') process.stdout.write(`${doctorLine(check)}\n`);
    },
    logger,
  );
  const failed = checks.some((check) => check.status === 'fail');
  process.stdout.write(failed ? 'Some checks failed.\n' : 'All checks passed.\n');
  return failed ? 1 : 0;
}
