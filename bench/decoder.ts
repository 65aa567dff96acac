/**
 * Event stream decoder benchmark (plain Node): throughput against the simplest possible parser
 * in the same process, and the one-byte-at-a-time case that would reveal quadratic buffering.
 * Run: `node --expose-gc --import tsx bench/decoder.ts`; `npm run bench` calls `runDecoderBench`.
 *
 * Baseline: decode the whole buffer once, split it on "\n", `JSON.parse` each non-empty line.
 * Ratios are baseline time / decoder time: 1.0 is as fast as the baseline, higher is faster.
 */
import { pathToFileURL } from 'node:url';
import type { O2gEvent } from '../shared/events/index.js';
import { initialPresenceState, reducePresence, setConnection } from '../shared/presence/index.js';
import type { PresenceState } from '../shared/presence/index.js';
import { EventStreamDecoder } from '../shared/stream/index.js';

export interface DecoderBenchResult {
  readonly sampleBytes: number;
  readonly sampleEvents: number;
  /** Median milliseconds of the baseline over the whole sample. */
  readonly baselineMs: number;
  readonly wholeBuffer: { readonly ms: number; readonly ratio: number };
  readonly chunks4KiB: { readonly ms: number; readonly ratio: number };
  /** One byte per push on a smaller sample; cost per byte relative to the baseline's. */
  readonly oneByte: {
    readonly sampleBytes: number;
    readonly nsPerByte: number;
    readonly baselineNsPerByte: number;
    readonly costRatio: number;
  };
  /** A single event fed one byte at a time: linear work keeps 1 MB / 0.5 MB near 2. */
  readonly longEvent: {
    readonly halfMiBMs: number;
    readonly oneMiBMs: number;
    readonly ratio: number;
  };
  /** The presence reducer over a million events of the sample: speed and retained heap. */
  readonly model: {
    readonly events: number;
    readonly nsPerEvent: number;
    /** Heap growth over the last four fifths of the run, after full GCs (needs --expose-gc). */
    readonly retainedKiB: number;
    readonly callsLeft: number;
  };
}

const encoder = new TextEncoder();
const RUNS = 7;

/** A day at a busy desk: calls with participants, modifications, counters, heartbeats. */
function realisticSample(targetBytes: number): Uint8Array {
  const names = [
    ['Marc', 'Olivier'],
    ['Hélène', 'Le Bihan'],
    ['Søren', 'Ødegård'],
    ['Zoë', "O'Brien"],
  ];
  const lines: string[] = ['{"eventName":"OnChannelInformation","text":"Chunk started"}'];
  let size = 0;
  for (let n = 0; size < targetBytes; n += 1) {
    const [first, last] = names[n % names.length] ?? ['A', 'B'];
    const callRef = `7c21e094${(n + 0x1000).toString(16)}`;
    const batch = [
      `{"eventName":"OnCallCreated","loginName":"oxe31001","callRef":"${callRef}","cause":"UNKNOWN","initiator":"p-${n}","callData":{"initialCalled":{"id":{"phoneNumber":"31001"}},"deviceCall":false,"anonymous":false,"callUUID":"5e0d2a71-93c4-4f8e-b1aa-${String(n).padStart(12, '0')}","state":"RINGING_INCOMING","tags":[],"capabilities":{"redirect":true,"redirectToVoiceMail":true,"pickedUp":true,"terminate":true,"reject":true,"callBack":false,"transfer":false}},"legs":[{"deviceId":"31001","media":"AUDIO","state":"RINGING_INCOMING","ringingRemote":false,"capabilities":{"answer":true,"drop":true}}],"participants":[{"participantId":"p-${n}","identity":{"id":{"loginName":"oxe${24000 + (n % 900)}","phoneNumber":"02401${String(n % 100000).padStart(5, '0')}"},"firstName":"${first}","lastName":"${last}","type":{"main":"EXTERNAL","subType":"public"}},"anonymous":false,"undroppable":false,"state":"ACTIVE"}],"deviceCapabilities":[{"deviceId":"31001","makeCall":true,"makeBusinessCall":true,"makePrivateCall":false,"unParkCall":true}]}`,
      `{"eventName":"OnCallModified","loginName":"oxe31001","callRef":"${callRef}","callData":{"initialCalled":{"id":{"phoneNumber":"31001"}},"state":"ACTIVE","tags":[],"capabilities":{"terminate":true,"transfer":true,"startRecord":true}},"modifiedLegs":[{"deviceId":"31001","media":"AUDIO","state":"ACTIVE","capabilities":{"drop":true,"hold":true,"sendDtmf":true}}],"addedLegs":[],"removedLegs":[],"modifiedParticipants":[],"addedParticipants":[],"removedParticipantIds":[],"deviceCapabilities":[]}`,
      '{"eventName":"OnUserStateModified","loginName":"oxe31001","state":"BUSY"}',
      `{"eventName":"OnCallRemoved","loginName":"oxe31001","callRef":"${callRef}","cause":"CLEARED"}`,
      '{"eventName":"OnUserStateModified","loginName":"oxe31001","state":"FREE"}',
      `{"eventName":"OnEventSummaryUpdated","loginName":"oxe31001","eventSummary":{"missedCallsNb":${n % 7},"voiceMessagesNb":1,"callBackRequestsNb":0,"faxNb":0,"newTextNb":0,"oldTextNb":2,"eventWaiting":true}}`,
      '{"eventName":"OnChannelInformation","text":"keepalive"}',
    ];
    for (const line of batch) size += line.length + 2;
    lines.push(...batch);
  }
  // CRLF, as the gateway is believed to write (protocol §5.3).
  return encoder.encode(`${lines.join('\r\n')}\r\n`);
}

function baseline(bytes: Uint8Array): number {
  let count = 0;
  const text = new TextDecoder().decode(bytes);
  for (const line of text.split('\n')) {
    if (line.length > 0 && line !== '\r') {
      JSON.parse(line);
      count += 1;
    }
  }
  return count;
}

function decodeChunks(chunks: readonly Uint8Array[]): number {
  const decoder = new EventStreamDecoder();
  let count = 0;
  for (const chunk of chunks) count += decoder.push(chunk).length;
  return count + decoder.end().length;
}

/** One byte per push, each a fresh view as a socket reader would hand over. */
function decodeBytewise(bytes: Uint8Array): number {
  const decoder = new EventStreamDecoder();
  let count = 0;
  for (let at = 0; at < bytes.length; at += 1)
    count += decoder.push(bytes.subarray(at, at + 1)).length;
  return count + decoder.end().length;
}

function split(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  return chunks;
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function timeMs(work: () => number, expected: number): number {
  collectGarbage();
  const start = performance.now();
  const count = work();
  const elapsed = performance.now() - start;
  if (count !== expected) throw new Error('benchmark work produced an unexpected event count');
  return elapsed;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * Runs `work` and `reference` alternately, after a warm-up of each, and gives their median times
 * and the median of the per-pair ratios: on a shared machine, load changes hit both alike.
 */
function compare(
  work: () => number,
  reference: () => number,
  expected: number,
  runs = RUNS,
): { ms: number; referenceMs: number; ratio: number } {
  timeMs(reference, expected);
  timeMs(work, expected);
  const times: number[] = [];
  const referenceTimes: number[] = [];
  const ratios: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const referenceMs = timeMs(reference, expected);
    const ms = timeMs(work, expected);
    times.push(ms);
    referenceTimes.push(referenceMs);
    ratios.push(referenceMs / ms);
  }
  return { ms: median(times), referenceMs: median(referenceTimes), ratio: median(ratios) };
}

function longEventBytes(size: number): Uint8Array {
  const prefix = '{"eventName":"OnChannelInformation","text":"';
  const suffix = '"}\n';
  return encoder.encode(prefix + 'x'.repeat(size - prefix.length - suffix.length) + suffix);
}

/**
 * Runs the reducer over `total` events (the sample repeated) and measures what stays on the heap:
 * finished calls must not accumulate, however long the run.
 */
function modelRun(sample: Uint8Array, total: number): DecoderBenchResult['model'] {
  const decoder = new EventStreamDecoder();
  const events: O2gEvent[] = [...decoder.push(sample), ...decoder.end()];
  let state: PresenceState = setConnection(initialPresenceState('oxe31001'), { status: 'online' });
  const heapAt = (): number => {
    collectGarbage();
    return process.memoryUsage().heapUsed;
  };
  // The first fifth warms up; what the remaining events add to the heap is what a long run keeps.
  const warmUp = Math.floor(total / 5);
  let heapAfterWarmUp = 0;
  let elapsed = 0;
  let start = performance.now();
  for (let applied = 0; applied < total;) {
    for (const event of events) {
      state = reducePresence(state, event, applied);
      applied += 1;
      if (applied === warmUp) {
        elapsed += performance.now() - start;
        heapAfterWarmUp = heapAt();
        start = performance.now();
      }
      if (applied === total) break;
    }
  }
  elapsed += performance.now() - start;
  const retained = heapAt() - heapAfterWarmUp;
  return {
    events: total,
    nsPerEvent: (elapsed * 1e6) / total,
    retainedKiB: retained / 1024,
    callsLeft: state.calls.size,
  };
}

export async function runDecoderBench(): Promise<DecoderBenchResult> {
  const sample = realisticSample(6 * 1024 * 1024);
  const sampleEvents = baseline(sample);
  const runBaseline = () => baseline(sample);
  const whole = compare(() => decodeChunks([sample]), runBaseline, sampleEvents);
  const chunks4KiB = split(sample, 4096);
  const chunked = compare(() => decodeChunks(chunks4KiB), runBaseline, sampleEvents);

  // One byte per push on the first 512 KiB (whole lines), against the baseline on the same bytes.
  const head = sample.subarray(0, 512 * 1024);
  const small = head.subarray(0, head.lastIndexOf(0x0a) + 1);
  const oneByte = compare(
    () => decodeBytewise(small),
    () => baseline(small),
    baseline(small),
    3,
  );
  const nsPerByte = (oneByte.ms * 1e6) / small.length;
  const baselineNsPerByte = (oneByte.referenceMs * 1e6) / small.length;

  // Twice the bytes of one event, fed one byte per push: linear work takes about twice as long.
  const halfEvent = longEventBytes(512 * 1024);
  const fullEvent = longEventBytes(1024 * 1024);
  const longEvent = compare(
    () => decodeBytewise(fullEvent),
    () => decodeBytewise(halfEvent),
    1,
    5,
  );

  const model = modelRun(sample, 1_000_000);

  await Promise.resolve();
  return {
    sampleBytes: sample.length,
    sampleEvents,
    baselineMs: chunked.referenceMs,
    wholeBuffer: { ms: whole.ms, ratio: whole.ratio },
    chunks4KiB: { ms: chunked.ms, ratio: chunked.ratio },
    oneByte: {
      sampleBytes: small.length,
      nsPerByte,
      baselineNsPerByte,
      costRatio: nsPerByte / baselineNsPerByte,
    },
    longEvent: {
      halfMiBMs: longEvent.referenceMs,
      oneMiBMs: longEvent.ms,
      ratio: 1 / longEvent.ratio,
    },
    model,
  };
}

export function formatDecoderBench(result: DecoderBenchResult): string {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const mb = (result.sampleBytes / 1024 / 1024).toFixed(1);
  const rows = [
    ['case', 'time', 'vs baseline'],
    [
      `baseline: split + JSON.parse (${mb} MiB, ${result.sampleEvents} events)`,
      ms(result.baselineMs),
      '1.00',
    ],
    ['decoder, whole buffer', ms(result.wholeBuffer.ms), result.wholeBuffer.ratio.toFixed(2)],
    [
      'decoder, 4 KiB chunks (target >= 0.80)',
      ms(result.chunks4KiB.ms),
      result.chunks4KiB.ratio.toFixed(2),
    ],
    [
      `decoder, 1-byte chunks (${(result.oneByte.sampleBytes / 1024).toFixed(0)} KiB)`,
      `${result.oneByte.nsPerByte.toFixed(0)} ns/byte`,
      `${result.oneByte.costRatio.toFixed(1)}x cost per byte`,
    ],
    ['one 0.5 MiB event, 1 byte per push', ms(result.longEvent.halfMiBMs), ''],
    [
      'one 1 MiB event, 1 byte per push',
      ms(result.longEvent.oneMiBMs),
      `${result.longEvent.ratio.toFixed(2)}x the 0.5 MiB time (linear: ~2)`,
    ],
  ];
  rows.push([
    `presence reducer, ${(result.model.events / 1e6).toFixed(0)}M events`,
    `${result.model.nsPerEvent.toFixed(0)} ns/event`,
    `heap growth over the last 80%: ${result.model.retainedKiB.toFixed(0)} KiB, ${result.model.callsLeft} calls left`,
  ]);
  const widths = [0, 1, 2].map((col) => Math.max(...rows.map((row) => (row[col] ?? '').length)));
  return rows
    .map((row) =>
      row
        .map((cell, col) => cell.padEnd(widths[col] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runDecoderBench();
  console.log(formatDecoderBench(result));
}
