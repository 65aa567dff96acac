// `npm run bench -- --quick` is a documented smoke run: too few runs to hold a target to, so
// its targets read "not judged (quick run)" and only a crash makes it exit non-zero.
import { spawn } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { benchExitCode, failedTargets, formatTargets } from '../../bench/report.js';
import type { BenchReport } from '../../bench/stats.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const report: BenchReport = {
  name: 'latency',
  measures: [],
  targets: [
    { name: 'alert p99 within 2x', pass: false, detail: 'ratio 5.54' },
    { name: 'alert p50 within 2x', pass: true, detail: 'ratio 1.2' },
  ],
  notes: [],
  elapsedMs: 1,
};

describe('bench verdict', () => {
  it('a full run judges: FAIL lines and exit 1 (0 with --no-fail)', () => {
    expect(formatTargets([report])).toBe(
      'FAIL latency: alert p99 within 2x (ratio 5.54)\nPASS latency: alert p50 within 2x (ratio 1.2)',
    );
    const failed = failedTargets([report]);
    expect(failed).toEqual(['latency: alert p99 within 2x']);
    expect(benchExitCode([], failed, false)).toBe(1);
    expect(benchExitCode([], failed, true)).toBe(0);
  });

  it('a quick run judges nothing and exits 0 unless a benchmark crashed', () => {
    const lines = formatTargets([report], true).split('\n');
    expect(lines).toEqual([
      '---- latency: alert p99 within 2x: not judged (quick run) (ratio 5.54)',
      '---- latency: alert p50 within 2x: not judged (quick run) (ratio 1.2)',
    ]);
    expect(lines.join('\n')).not.toMatch(/PASS|FAIL/);
    const failed = failedTargets([report], true);
    expect(benchExitCode([], failed, false)).toBe(0);
    expect(benchExitCode(['storm'], failed, false)).toBe(2);
  });

  it('the real runner: --quick exits 0, says "not judged", keeps results.json', async () => {
    const results = new URL('../../bench/results.json', import.meta.url);
    const before = await stat(results).then(
      async (s) => ({ mtimeMs: s.mtimeMs, text: await readFile(results, 'utf8') }),
      () => undefined,
    );
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', 'bench/run.ts', '--quick', '--only', 'decoder'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(stdout).toMatch(/^---- decoder: .*: not judged \(quick run\)/m);
    expect(stdout).not.toMatch(/^(PASS|FAIL) /m);
    const after = await stat(results).then(
      async (s) => ({ mtimeMs: s.mtimeMs, text: await readFile(results, 'utf8') }),
      () => undefined,
    );
    expect(after).toEqual(before);
  }, 120_000);
});
