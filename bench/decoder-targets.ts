/**
 * Decoder benchmark as part of `npm run bench` (plain Node, bench process): runs the event-core's
 * own `runDecoderBench()` several times (each already pairs decoder and baseline runs) and turns
 * its figures into measures with a spread, and its two targets into PASS/FAIL lines.
 */
import { runDecoderBench } from './decoder.js';
import type { DecoderBenchResult } from './decoder.js';
import { measure } from './stats.js';
import type { BenchReport } from './stats.js';

const RUNS = 5;

export async function runDecoderTargets(quick = false): Promise<BenchReport> {
  const runs = quick ? 1 : RUNS;
  return decoderTargets(runs);
}

async function decoderTargets(runs: number): Promise<BenchReport> {
  const started = performance.now();
  const results: DecoderBenchResult[] = [];
  for (let run = 0; run < runs; run += 1) results.push(await runDecoderBench());

  const pick = (read: (r: DecoderBenchResult) => number) => results.map(read);
  const baselineMs = pick((r) => r.baselineMs);
  const sampleMiB = (results[0]?.sampleBytes ?? 0) / 1024 / 1024;
  const eventsPerSecond = (ms: number, r: DecoderBenchResult) => r.sampleEvents / (ms / 1000);
  const chunked = measure(
    'decoder 4 KiB chunks',
    'events/s',
    pick((r) => eventsPerSecond(r.chunks4KiB.ms, r)),
    pick((r) => eventsPerSecond(r.baselineMs, r)),
  );
  const megabytesPerSecond = (ms: number, r: DecoderBenchResult) =>
    r.sampleBytes / 1024 / 1024 / (ms / 1000);
  const chunkedMiB = measure(
    'decoder 4 KiB chunks',
    'MiB/s',
    pick((r) => megabytesPerSecond(r.chunks4KiB.ms, r)),
    pick((r) => megabytesPerSecond(r.baselineMs, r)),
  );
  // The decoder's own paired ratio (baseline ms / decoder ms, median of pairs) is the verdict.
  const chunkRatio = measure(
    'decoder 4 KiB vs split+parse',
    'x',
    pick((r) => r.chunks4KiB.ratio),
  );
  const wholeRatio = measure(
    'decoder whole buffer vs split+parse',
    'x',
    pick((r) => r.wholeBuffer.ratio),
  );
  const oneByte = measure(
    'decoder 1-byte chunks',
    'ns/byte',
    pick((r) => r.oneByte.nsPerByte),
    pick((r) => r.oneByte.baselineNsPerByte),
  );
  const longRatio = measure(
    '1 MiB / 0.5 MiB event, byte by byte',
    'x',
    pick((r) => r.longEvent.ratio),
  );
  const reducer = measure(
    'presence reducer',
    'ns/event',
    pick((r) => r.model.nsPerEvent),
  );

  return {
    name: 'decoder',
    measures: [
      chunked,
      chunkedMiB,
      { ...chunkRatio, baseline: 1 },
      { ...wholeRatio, baseline: 1 },
      oneByte,
      longRatio,
      reducer,
    ],
    targets: [
      {
        name: 'decoder on 4 KiB chunks >= 0.8 of split+JSON.parse',
        pass: chunkRatio.median >= 0.8,
        detail:
          `ratio ${chunkRatio.median.toFixed(2)} (runs ${chunkRatio.min.toFixed(2)}-` +
          `${chunkRatio.max.toFixed(2)}); baseline ${sampleMiB.toFixed(1)} MiB in ` +
          `${measure('', 'ms', baselineMs).median.toFixed(1)} ms`,
      },
      {
        name: 'one event byte by byte: 1 MiB costs ~2x 0.5 MiB (linear, not ~4x)',
        // Linear is 2; quadratic would be 4. Halfway (3) separates them despite noise.
        pass: longRatio.median < 3,
        detail: `ratio ${longRatio.median.toFixed(2)} (runs ${longRatio.min.toFixed(2)}-${longRatio.max.toFixed(2)})`,
      },
    ],
    notes: [
      `runDecoderBench() from bench/decoder.ts, ${runs} times; each call already alternates ` +
        'decoder and baseline and gives medians of paired ratios. In process, no sockets.',
    ],
    elapsedMs: performance.now() - started,
    details: { runs: results },
  };
}
