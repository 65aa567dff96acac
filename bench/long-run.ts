/**
 * Long-run benchmark (plain Node, one process holds simulator and engine): a million events
 * through the real engine path (simulator socket -> undici -> decoder -> presence model -> view
 * and alerts), with the heap measured after a forced GC at five checkpoints. The baseline is a
 * plain HTTP reader that only splits and JSON-parses the same kind of traffic.
 */
import type { PresenceEngine } from '../electron/gateway/index.js';
import { startSimulator } from '../simulator/index.js';
import type { Simulator, SimulatorUser } from '../simulator/index.js';
import { EVENTS_PER_CYCLE, cycleBytes } from './event-mix.js';
import { openPlainStream, plainSubscription } from './plain-stream.js';
import { benchUsers, onlineEngine } from './rig.js';
import { collectGarbage, measure, sleep, slope } from './stats.js';
import type { BenchReport } from './stats.js';

const CYCLES_PER_BATCH = 100;
const CHECKPOINTS = 5;
const GROWTH_LIMIT_MB = 5;
const MB = 1024 * 1024;

/** Writes `cycles` cycles batch by batch; `consumed(n)` resolves once cycle n was applied. */
async function feed(
  sim: Simulator,
  user: SimulatorUser,
  cycles: number,
  consumed: (cycle: number) => Promise<void>,
  atBatchEnd: (cyclesDone: number) => Promise<void> = async () => undefined,
): Promise<number> {
  let busyMs = 0;
  for (let from = 1; from <= cycles; from += CYCLES_PER_BATCH) {
    const count = Math.min(CYCLES_PER_BATCH, cycles - from + 1);
    const bytes = cycleBytes(user, from, count);
    // Only socket + processing time counts; building the bytes is the benchmark's own work.
    const start = performance.now();
    const done = consumed(from + count - 1);
    sim.faults.writeRaw(user.loginName, bytes);
    await done;
    busyMs += performance.now() - start;
    await atBatchEnd(from + count - 1);
  }
  return busyMs;
}

async function plainRate(sim: Simulator, user: SimulatorUser, cycles: number): Promise<number> {
  let parsed = 0;
  let waiting: { events: number; resolve: () => void } | undefined;
  const stream = openPlainStream(await plainSubscription(sim, user), (line) => {
    if (line[0] !== 0x7b) return;
    JSON.parse(line.toString('utf8'));
    parsed += 1;
    if (waiting && parsed >= waiting.events) waiting.resolve();
  });
  await stream.opened;
  const start = parsed;
  try {
    const consumed = (cycle: number) =>
      new Promise<void>((resolve) => {
        waiting = { events: start + cycle * EVENTS_PER_CYCLE, resolve };
      });
    const ms = await feed(sim, user, cycles, consumed);
    return (cycles * EVENTS_PER_CYCLE) / (ms / 1000);
  } finally {
    stream.close();
  }
}

function engineConsumed(engine: PresenceEngine): (cycle: number) => Promise<void> {
  return (cycle) =>
    new Promise((resolve) => {
      const off = engine.onView((view) => {
        if (view.counters.missedCalls < cycle) return;
        off();
        resolve();
      });
    });
}

function heapMB(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed / MB;
}

export async function runLongRunBench(quick = false): Promise<BenchReport> {
  const started = performance.now();
  const totalEvents = quick ? 100_000 : 1_000_000;
  const cycles = totalEvents / EVENTS_PER_CYCLE;
  const [engineUser, plainUser] = benchUsers(2) as [SimulatorUser, SimulatorUser];
  const sim = await startSimulator({ users: [engineUser, plainUser] });
  let engine: PresenceEngine | undefined;
  try {
    const baselineRate = await plainRate(sim, plainUser, cycles / 5);

    engine = await onlineEngine(sim, engineUser);
    // Only what is open is kept here: the benchmark itself must not grow with the run.
    const alerts = { shown: 0, open: new Set<string>() };
    engine.onAlert((change) => {
      if (change.action === 'close') alerts.open.delete(change.callRef);
      else if (!alerts.open.has(change.alert.callRef)) {
        alerts.shown += 1;
        alerts.open.add(change.alert.callRef);
      }
    });
    let disturbances = 0;
    engine.onView((view) => {
      if (view.connection.status !== 'online') disturbances += 1;
    });

    await sleep(50);
    const idleHeap = heapMB();
    const checkpoints: Array<{ events: number; heapMB: number }> = [];
    const every = cycles / CHECKPOINTS;
    const busyMs = await feed(sim, engineUser, cycles, engineConsumed(engine), async (done) => {
      if (done % every === 0)
        checkpoints.push({ events: done * EVENTS_PER_CYCLE, heapMB: heapMB() });
    });
    const engineRate = totalEvents / (busyMs / 1000);

    const heaps = checkpoints.map((c) => c.heapMB);
    const first = heaps[0] ?? Number.NaN;
    const last = heaps.at(-1) ?? Number.NaN;
    const growth = last - first;
    const trendMB =
      slope(
        checkpoints.map((c) => c.events),
        heaps,
      ) *
      ((checkpoints.at(-1)?.events ?? 0) - (checkpoints[0]?.events ?? 0));
    const rising = heaps.every((heap, i) => i === 0 || heap > (heaps[i - 1] ?? Infinity));
    const view = engine.view;
    const unclosed = alerts.open.size;

    return {
      name: 'long-run',
      measures: [
        measure('events through the engine', 'events/s', [engineRate], [baselineRate]),
        { ...measure('heap after GC', 'MB', heaps), samplesAre: 'checkpoints' },
        measure('heap growth first->last checkpoint', 'MB', [growth]),
      ],
      targets: [
        {
          name: `no upward heap trend, < ${GROWTH_LIMIT_MB} MB first->last checkpoint`,
          pass: growth < GROWTH_LIMIT_MB && trendMB < GROWTH_LIMIT_MB,
          detail:
            `checkpoints ${heaps.map((h) => h.toFixed(1)).join(', ')} MB (idle ${idleHeap.toFixed(1)} MB); ` +
            `growth ${growth.toFixed(2)} MB, trend ${trendMB.toFixed(2)} MB over the run` +
            `${rising ? ', rising at every checkpoint' : ''}`,
        },
        {
          name: 'finished calls not retained',
          pass: view.calls.length === 0 && view.alerts.length === 0 && unclosed === 0,
          detail:
            `${view.calls.length} calls in the model's table and ${view.alerts.length} open alerts at the ` +
            `end; ${alerts.shown} calls alerted, ${unclosed} never closed`,
        },
      ],
      notes: [
        `All ${totalEvents.toLocaleString('en-US')} events take the real engine path over a loopback ` +
          `socket, written by the simulator in chunks of ${CYCLES_PER_BATCH * EVENTS_PER_CYCLE} events; ` +
          `baseline: a plain HTTP reader splitting and JSON-parsing ${(totalEvents / 5).toLocaleString('en-US')} of them.`,
        `Heap: process heapUsed after two forced GCs (simulator included), every ` +
          `${(every * EVENTS_PER_CYCLE).toLocaleString('en-US')} events.` +
          (disturbances > 0
            ? ` The connection left online ${disturbances} time(s) during the run.`
            : ''),
      ],
      elapsedMs: performance.now() - started,
      details: { checkpoints, idleHeapMB: idleHeap, engineRate, baselineRate, disturbances },
    };
  } finally {
    await engine?.stop();
    await sim.stop();
  }
}
