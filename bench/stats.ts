/**
 * Shared vocabulary of the benchmarks (plain Node, bench process only): what one benchmark
 * reports (measures against a baseline, targets with PASS/FAIL), and the small statistics every
 * file needs (median, percentiles, spread, trend).
 */

/** One figure of a benchmark: the median of several runs and how far the runs spread. */
export interface Measure {
  readonly name: string;
  readonly unit: string;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
  /** What the values are when they are not runs ("checkpoints"). */
  readonly samplesAre?: string;
  /** The same figure for the baseline of that benchmark, measured in the same process. */
  readonly baseline?: number;
  /** median / baseline (or the median of per-run ratios when runs were paired). */
  readonly ratio?: number;
}

export interface Target {
  readonly name: string;
  readonly pass: boolean;
  /** The figures the verdict rests on, in words. */
  readonly detail: string;
}

export interface BenchReport {
  readonly name: string;
  readonly measures: Measure[];
  readonly targets: Target[];
  /** How the figures were taken, and anything that qualifies them. */
  readonly notes: string[];
  readonly elapsedMs: number;
  /** Extra figures for results.json (per-run values, checkpoints, histograms). */
  readonly details?: unknown;
}

export function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** Nearest-rank percentile (p in 0..100) of unsorted values; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const ordered = sorted(values);
  const rank = Math.ceil((p / 100) * ordered.length);
  return ordered[Math.min(ordered.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** A measure from per-run values, optionally against per-run baseline values (paired ratios). */
export function measure(
  name: string,
  unit: string,
  values: readonly number[],
  baselines?: readonly number[],
): Measure {
  const base = {
    name,
    unit,
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    runs: values.length,
  };
  if (!baselines || baselines.length === 0) return base;
  const ratios = values.map((value, run) => value / (baselines[run] ?? Number.NaN));
  return { ...base, baseline: median(baselines), ratio: median(ratios) };
}

/** Least-squares slope of y over x: how much y rises per unit of x. */
export function slope(xs: readonly number[], ys: readonly number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * ((ys[i] ?? my) - my);
    den += (x - mx) ** 2;
  });
  return den === 0 ? 0 : num / den;
}

/** Asks V8 for a full collection (needs --expose-gc; the bench script passes it). */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('Run the benchmarks with node --expose-gc (npm run bench does).');
  gc();
  gc();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` every few milliseconds; rejects with `what` after `timeoutMs`. */
export async function waitUntil(check: () => boolean, what: string, timeoutMs = 10_000) {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
    await sleep(5);
  }
}
