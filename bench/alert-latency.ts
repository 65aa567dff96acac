/**
 * Alert latency benchmark (plain Node, one process holds the simulator, the engine and the
 * baseline reader, so one clock times both ends): from the simulator publishing a ringing
 * OnCallCreated (its socket write follows in the same turn of the event loop) to the engine
 * emitting the alert `show`, against a plain HTTP reader seeing the newline that ends that line.
 * Calls are placed one at a time, each created and removed before the next, so nothing queues.
 */
import type { PresenceEngine } from '../electron/gateway/index.js';
import { startSimulator } from '../simulator/index.js';
import type { Simulator, SimulatorUser } from '../simulator/index.js';
import { openPlainStream, plainSubscription } from './plain-stream.js';
import { benchUsers, onlineEngine } from './rig.js';
import { measure, percentile, sleep } from './stats.js';
import type { BenchReport } from './stats.js';

const FULL_CALLS_PER_RUN = 1_000;
const FULL_RUNS = 7;
const WARM_UP_CALLS = 50;
const CALL_TIMEOUT_MS = 5_000;

/** One side of the comparison: when the next ringing call arrived (ms after publish), and its end. */
interface Receiver {
  expectCreated(): Promise<number>;
  expectRemoved(): Promise<void>;
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`bench latency: no ${what}`)), CALL_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Publish time of the latest ringing OnCallCreated for each user, from the simulator itself. */
function publishClock(sim: Simulator): Map<string, number> {
  const publishedAt = new Map<string, number>();
  sim.on('event', ({ loginName, line }) => {
    if (line.includes('"eventName":"OnCallCreated"')) publishedAt.set(loginName, performance.now());
  });
  return publishedAt;
}

function engineReceiver(engine: PresenceEngine, user: SimulatorUser, clock: Map<string, number>) {
  let created = deferred<number>();
  let removed = deferred<void>();
  engine.onAlert((change) => {
    if (change.action === 'show')
      created.resolve(performance.now() - (clock.get(user.loginName) ?? 0));
    else removed.resolve();
  });
  return {
    expectCreated: () => withTimeout((created = deferred<number>()).promise, 'alert show'),
    expectRemoved: () => withTimeout((removed = deferred<void>()).promise, 'alert close'),
  } satisfies Receiver;
}

async function plainReceiver(sim: Simulator, user: SimulatorUser, clock: Map<string, number>) {
  let created = deferred<number>();
  let removed = deferred<void>();
  const stream = openPlainStream(await plainSubscription(sim, user), (line, arrivedAt) => {
    const text = line.toString('latin1');
    if (text.includes('"eventName":"OnCallCreated"')) {
      created.resolve(arrivedAt - (clock.get(user.loginName) ?? 0));
    } else if (text.includes('"eventName":"OnCallRemoved"')) removed.resolve();
  });
  await stream.opened;
  const receiver: Receiver = {
    expectCreated: () => withTimeout((created = deferred<number>()).promise, 'OnCallCreated line'),
    expectRemoved: () => withTimeout((removed = deferred<void>()).promise, 'OnCallRemoved line'),
  };
  return { receiver, close: () => stream.close() };
}

/** `count` calls from an outside number to `user`; returns publish-to-arrival times in ms. */
async function ringCalls(sim: Simulator, user: SimulatorUser, receiver: Receiver, count: number) {
  const latencies: number[] = [];
  for (let n = 0; n < count; n += 1) {
    const arrival = receiver.expectCreated();
    const callRef = await sim.placeCall(
      {
        number: `0240${String(n).padStart(6, '0')}`,
        name: { firstName: 'Hélène', lastName: 'Le Bihan' },
      },
      user.loginName,
    );
    latencies.push(await arrival);
    const gone = receiver.expectRemoved();
    await sim.hangUp(callRef, 'caller');
    await gone;
    // A breath between calls: the engine and the reader start each call idle.
    await sleep(1);
  }
  return latencies;
}

export async function runAlertLatencyBench(quick = false): Promise<BenchReport> {
  const started = performance.now();
  const runCount = quick ? 1 : FULL_RUNS;
  const callsPerRun = quick ? 100 : FULL_CALLS_PER_RUN;
  const [engineUser, plainUser] = benchUsers(2) as [SimulatorUser, SimulatorUser];
  const sim = await startSimulator({ users: [engineUser, plainUser] });
  const clock = publishClock(sim);
  const engine = await onlineEngine(sim, engineUser);
  const plain = await plainReceiver(sim, plainUser, clock);
  const toEngine = engineReceiver(engine, engineUser, clock);

  const runs: Array<{ engine: number[]; plain: number[] }> = [];
  try {
    await ringCalls(sim, engineUser, toEngine, WARM_UP_CALLS);
    await ringCalls(sim, plainUser, plain.receiver, WARM_UP_CALLS);
    for (let run = 0; run < runCount; run += 1) {
      const engineTimes = await ringCalls(sim, engineUser, toEngine, callsPerRun);
      const plainTimes = await ringCalls(sim, plainUser, plain.receiver, callsPerRun);
      runs.push({ engine: engineTimes, plain: plainTimes });
    }
  } finally {
    plain.close();
    await engine.stop();
    await sim.stop();
  }

  const p = (pct: number, side: 'engine' | 'plain') => runs.map((r) => percentile(r[side], pct));
  const p50 = measure('alert latency p50', 'ms', p(50, 'engine'), p(50, 'plain'));
  const p99 = measure('alert latency p99', 'ms', p(99, 'engine'), p(99, 'plain'));
  const worstRatio = Math.max(
    ...runs.map((r) => percentile(r.engine, 99) / percentile(r.plain, 99)),
  );
  return {
    name: 'latency',
    measures: [p50, p99],
    targets: [
      {
        name: 'alert p99 within 2x of the plain reader p99',
        pass: (p99.ratio ?? Infinity) <= 2,
        detail:
          `engine p99 ${p99.median.toFixed(3)} ms vs plain reader p99 ` +
          `${(p99.baseline ?? 0).toFixed(3)} ms: ratio ${(p99.ratio ?? 0).toFixed(2)} ` +
          `(median of ${runCount} runs, worst run ${worstRatio.toFixed(2)})`,
      },
    ],
    notes: [
      `${runCount} runs of ${callsPerRun} calls per side (+${WARM_UP_CALLS} warm-up), engine and ` +
        'plain reader alternating; simulator, engine and reader share one process and one clock.',
      'Start: the simulator publishing the ringing OnCallCreated (its socket write follows within ' +
        'the same tick). End: the engine alert `show` / the plain reader seeing the line newline.',
    ],
    elapsedMs: performance.now() - started,
    details: {
      runs: runs.map((r) => ({
        engine: {
          p50: percentile(r.engine, 50),
          p99: percentile(r.engine, 99),
          max: Math.max(...r.engine),
        },
        plain: {
          p50: percentile(r.plain, 50),
          p99: percentile(r.plain, 99),
          max: Math.max(...r.plain),
        },
      })),
    },
  };
}
