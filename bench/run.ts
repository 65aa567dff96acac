/**
 * `npm run bench` (plain Node with --expose-gc): runs the five benchmarks one after the other in
 * this process, prints the table and the PASS/FAIL lines, writes bench/results.json.
 *
 *   --only a,b   run only these (decoder, latency, long-run, storm, startup)
 *   --no-fail    exit 0 even when a target fails (a crash still exits 2)
 *   --markdown   also print the table as Markdown (what the READMEs carry)
 *   --quick      fewer runs and calls: a smoke run whose figures are not for the README; its
 *                targets are shown as "not judged (quick run)", it exits 0 unless a benchmark
 *                crashed, and it leaves bench/results.json as it was
 *
 * Exit codes: 0 every target holds (or a quick run), 1 a target failed, 2 a benchmark crashed.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { runAlertLatencyBench } from './alert-latency.js';
import { runDecoderTargets } from './decoder-targets.js';
import { runLongRunBench } from './long-run.js';
import { runReconnectStormBench } from './reconnect-storm.js';
import {
  benchExitCode,
  failedTargets,
  formatMarkdown,
  formatTable,
  formatTargets,
  resultsRecord,
} from './report.js';
import { runStartupBench } from './startup.js';
import type { BenchReport } from './stats.js';

const BENCHMARKS: Record<string, (quick: boolean) => Promise<BenchReport>> = {
  decoder: runDecoderTargets,
  latency: runAlertLatencyBench,
  'long-run': runLongRunBench,
  startup: runStartupBench,
  // Last: 300 engines leave the most behind (sockets in TIME_WAIT, a big heap).
  storm: runReconnectStormBench,
};

const RESULTS = new URL('./results.json', import.meta.url);
const BUDGET_MS = 10 * 60_000;

function selected(only: string | undefined): string[] {
  if (only === undefined) return Object.keys(BENCHMARKS);
  const names = only.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(name in BENCHMARKS));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHMARKS).join(', ')}.`,
    );
  }
  return names;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      'no-fail': { type: 'boolean', default: false },
      markdown: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
    },
  });
  if (typeof (globalThis as { gc?: unknown }).gc !== 'function') {
    throw new Error('Run with node --expose-gc (npm run bench does): heap figures need a full GC.');
  }

  const started = performance.now();
  const reports: BenchReport[] = [];
  const crashed: string[] = [];
  for (const name of selected(values.only)) {
    process.stdout.write(`bench: ${name}...\n`);
    try {
      const report = await BENCHMARKS[name]!(values.quick);
      reports.push(report);
      process.stdout.write(`bench: ${name} done in ${(report.elapsedMs / 1000).toFixed(1)} s\n`);
    } catch (error) {
      crashed.push(name);
      process.stderr.write(
        `bench: ${name} crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    }
  }
  const totalMs = performance.now() - started;

  const quick = values.quick;
  const failed = failedTargets(reports, quick);
  process.stdout.write(`\n${formatTable(reports)}\n\n${formatTargets(reports, quick)}\n`);
  for (const report of reports) {
    for (const note of report.notes) process.stdout.write(`note ${report.name}: ${note}\n`);
  }
  if (values.markdown) process.stdout.write(`\n${formatMarkdown(reports)}\n`);
  const overBudget = totalMs > BUDGET_MS ? ' (over the 10-minute budget)' : '';
  process.stdout.write(`\nbench: total ${(totalMs / 1000).toFixed(1)} s${overBudget}\n`);

  // A smoke run's figures must not replace those of the last full run.
  if (quick) {
    process.stdout.write(
      `bench: quick run: targets not judged, ${RESULTS.pathname} left as it was\n`,
    );
  } else {
    const record = resultsRecord(reports, totalMs, failed);
    await writeFile(RESULTS, `${JSON.stringify(record, null, 2)}\n`);
    process.stdout.write(`bench: wrote ${RESULTS.pathname}\n`);
  }

  if (crashed.length > 0) process.stderr.write(`bench: crashed: ${crashed.join(', ')}\n`);
  return benchExitCode(crashed, failed, values['no-fail']);
}

main().then(
  // Engines and sockets of 300 clients may keep the loop alive a while: leave explicitly.
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
