/**
 * How `npm run bench` shows its results (plain Node, bench process): one table of measures
 * (median, spread, baseline, ratio), PASS/FAIL lines for the targets, and the JSON record
 * written to bench/results.json.
 */
import { cpus, loadavg } from 'node:os';
import type { BenchReport, Measure } from './stats.js';

/** Three significant digits, without exponent notation for the sizes we print. */
export function figure(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '-';
  if (!Number.isFinite(value)) return String(value);
  const size = Math.abs(value);
  if (size >= 1000) return Math.round(value).toLocaleString('en-US');
  if (size >= 100) return value.toFixed(0);
  if (size >= 10) return value.toFixed(1);
  if (size >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

function row(bench: string, m: Measure): string[] {
  const samples = `${m.runs} ${m.samplesAre ?? 'runs'}`;
  const spread = m.runs > 1 ? `${figure(m.min)}-${figure(m.max)} (${samples})` : '1 run';
  return [
    bench,
    m.name,
    `${figure(m.median)} ${m.unit}`,
    spread,
    m.baseline === undefined ? '' : `${figure(m.baseline)} ${m.unit}`,
    m.ratio === undefined ? '' : `${figure(m.ratio)}x`,
  ];
}

function layout(rows: string[][], separator = '  '): string[] {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length)));
  return rows.map((r) =>
    r
      .map((cell, col) => cell.padEnd(widths?.[col] ?? 0))
      .join(separator)
      .trimEnd(),
  );
}

export function formatTable(reports: readonly BenchReport[]): string {
  const header = ['bench', 'measure', 'median', 'spread', 'baseline', 'ratio'];
  const rows = reports.flatMap((report) => report.measures.map((m) => row(report.name, m)));
  const lines = layout([header, ...rows]);
  const rule = '-'.repeat(Math.max(...lines.map((line) => line.length)));
  return [lines[0], rule, ...lines.slice(1)].join('\n');
}

/** The same table as Markdown, for the READMEs. */
export function formatMarkdown(reports: readonly BenchReport[]): string {
  const header = ['bench', 'measure', 'median', 'spread', 'baseline', 'ratio'];
  const rows = reports.flatMap((report) => report.measures.map((m) => row(report.name, m)));
  const cells = (r: string[]) => `| ${r.join(' | ')} |`;
  return [cells(header), cells(header.map(() => '---')), ...rows.map(cells)].join('\n');
}

/**
 * One line per target. A quick run has too few runs and clients to hold a target to: its
 * lines say "not judged" and still show the figures, so a smoke run reads as a smoke run.
 */
export function formatTargets(reports: readonly BenchReport[], quick = false): string {
  return reports
    .flatMap((report) =>
      report.targets.map((t) =>
        quick
          ? `---- ${report.name}: ${t.name}: not judged (quick run) (${t.detail})`
          : `${t.pass ? 'PASS' : 'FAIL'} ${report.name}: ${t.name} (${t.detail})`,
      ),
    )
    .join('\n');
}

/** The targets that failed, as "bench: target"; none in a quick run, which judges nothing. */
export function failedTargets(reports: readonly BenchReport[], quick = false): string[] {
  if (quick) return [];
  return reports.flatMap((r) =>
    r.targets.filter((t) => !t.pass).map((t) => `${r.name}: ${t.name}`),
  );
}

/** 2 a benchmark crashed (always), 1 a judged target failed (unless --no-fail), else 0. */
export function benchExitCode(
  crashed: readonly string[],
  failed: readonly string[],
  noFail: boolean,
): number {
  if (crashed.length > 0) return 2;
  return failed.length > 0 && !noFail ? 1 : 0;
}

export function resultsRecord(reports: readonly BenchReport[], totalMs: number, failed: string[]) {
  return {
    finishedAt: new Date().toISOString(),
    totalSeconds: Math.round(totalMs / 100) / 10,
    machine: {
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      loadAverageAtEnd: loadavg().map((load) => Math.round(load * 100) / 100),
    },
    failed,
    benchmarks: Object.fromEntries(reports.map((report) => [report.name, report])),
  };
}
