/**
 * Reconnect storm benchmark (plain Node; one process holds the simulator and 300 engines, each
 * with its own account and its own undici dispatcher): once all are online the simulator resets
 * every event stream and expires every session in the same tick. Its request log then shows how
 * the re-authentications spread over time, and the engines' views show when each is online
 * again. Only jitter in the engines' recovery can keep the gateway from a stampede.
 */
import type { EngineDeps, PresenceEngine } from '../electron/gateway/index.js';
import { createPresenceEngine } from '../electron/gateway/index.js';
import { DEFAULT_RECOVERY_TUNING } from '../electron/gateway/recovery-policy.js';
import { startSimulator } from '../simulator/index.js';
import type { Simulator, SimulatorUser } from '../simulator/index.js';
import { benchUsers, engineConfig, onceOnline } from './rig.js';
import { measure, median, sleep } from './stats.js';
import type { BenchReport } from './stats.js';
import { authenticationOffsets, timeline } from './storm-timeline.js';
import type { Timeline } from './storm-timeline.js';

const CLIENTS = 300;
const START_WAVE = 20;
const ALL_ONLINE_LIMIT_S = 60;
/** How long we wait for the last engine before reporting it as not back. */
const GIVE_UP_S = 90;

/**
 * Not the product's policy: a what-if whose first two waits after the storm are drawn from
 * 1-15 s and 1-30 s, so re-logins spread over about 30 s. It shows the targets are reachable.
 */
const WIDE_JITTER = { ...DEFAULT_RECOVERY_TUNING, baseDelayMs: 15_000, floorDelayMs: 1_000 };

interface Client {
  readonly engine: PresenceEngine;
  wentDown: boolean;
  /** performance.now() when it was online again after the storm. */
  backAt?: number;
  /** Epoch ms of the last attempt the engine announced (nextAttemptAt) before it was back. */
  plannedAt?: number;
}

interface Storm {
  readonly count: number;
  readonly connectMs: number;
  readonly expired: number;
  readonly auth: Timeline;
  /** When the engines said they would try next, last announcement before online. */
  readonly planned: Timeline;
  /** Seconds from the storm until each engine was online again. */
  readonly backTimes: number[];
  readonly allBackS: number;
}

function watch(engine: PresenceEngine): Client {
  const client: Client = { engine, wentDown: false };
  engine.onView((view) => {
    if (view.connection.status !== 'online') {
      client.wentDown = true;
      if (client.backAt === undefined && view.connection.nextAttemptAt !== undefined) {
        client.plannedAt = view.connection.nextAttemptAt;
      }
    } else if (client.wentDown && client.backAt === undefined) {
      client.backAt = performance.now();
    }
  });
  return client;
}

async function startClients(sim: Simulator, users: SimulatorUser[], deps: EngineDeps) {
  const clients: Client[] = [];
  // In waves: the initial connection is not what this benchmark measures.
  for (let at = 0; at < users.length; at += START_WAVE) {
    const wave = users.slice(at, at + START_WAVE).map(async (user) => {
      const engine = createPresenceEngine(deps);
      const online = onceOnline(engine, 60_000);
      await engine.start(engineConfig(sim, user));
      await online;
      return watch(engine);
    });
    clients.push(...(await Promise.all(wave)));
  }
  return clients;
}

async function stopAll(clients: Client[]): Promise<void> {
  for (let at = 0; at < clients.length; at += 50) {
    await Promise.all(clients.slice(at, at + 50).map((c) => c.engine.stop()));
  }
}

async function storm(count: number, deps: EngineDeps = {}): Promise<Storm> {
  const users = benchUsers(count);
  const sim = await startSimulator({ users });
  let clients: Client[] = [];
  try {
    const connectStart = performance.now();
    clients = await startClients(sim, users, deps);
    const connectMs = performance.now() - connectStart;
    await sleep(1_000);

    const stormEpoch = Date.now();
    const stormAt = performance.now();
    sim.faults.resetStreams();
    const expired = sim.faults.expireSessions();
    const deadline = stormAt + GIVE_UP_S * 1000;
    while (clients.some((c) => c.backAt === undefined) && performance.now() < deadline) {
      await sleep(100);
    }

    const backTimes = clients
      .filter((c) => c.backAt !== undefined)
      .map((c) => ((c.backAt ?? 0) - stormAt) / 1000);
    return {
      count,
      connectMs,
      expired,
      auth: timeline(authenticationOffsets(sim, stormEpoch)),
      planned: timeline(clients.map((c) => (c.plannedAt ?? Number.NaN) - stormEpoch)),
      backTimes,
      allBackS: backTimes.length === count ? Math.max(...backTimes) : Number.POSITIVE_INFINITY,
    };
  } finally {
    await stopAll(clients);
    await sim.stop();
  }
}

function seconds(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(1)} s` : `> ${GIVE_UP_S} s`;
}

function describe(s: Storm): string {
  return (
    `${s.auth.times.length} authentications, busiest 1000 ms ${s.auth.peakWindow}, per second ` +
    `[${s.auth.buckets.join(', ')}]; planned by the engines (last nextAttemptAt): busiest ` +
    `${s.planned.peakWindow}, per second [${s.planned.buckets.join(', ')}]; ` +
    `${s.backTimes.length}/${s.count} online again, last ${seconds(s.allBackS)}, median ` +
    `${seconds(median(s.backTimes))}`
  );
}

export async function runReconnectStormBench(quick = false): Promise<BenchReport> {
  const started = performance.now();
  const count = quick ? 60 : CLIENTS;
  const limit = Math.floor(count / 10);
  const product = await storm(count);
  const whatIf = await storm(count, { recovery: WIDE_JITTER });

  const one = (name: string, unit: string, value: number, baseline?: number) => ({
    ...measure(name, unit, [value]),
    ...(baseline !== undefined ? { baseline } : {}),
  });
  return {
    name: 'storm',
    measures: [
      one('authentications in the busiest second', 'auth/s', product.auth.peakWindow, limit),
      one('authentications in the busiest 1 s bucket', 'auth/s', product.auth.peakBucket),
      one('first -> last authentication', 's', product.auth.span),
      one('re-logins planned in the busiest second', 'auth/s', product.planned.peakWindow, limit),
      one(`all ${count} online again`, 's', product.allBackS, ALL_ONLINE_LIMIT_S),
      one('what-if wide jitter: busiest second', 'auth/s', whatIf.auth.peakWindow, limit),
      one('what-if wide jitter: all online again', 's', whatIf.allBackS, ALL_ONLINE_LIMIT_S),
    ],
    targets: [
      {
        name: `no second with more than a tenth of the clients (${limit}) authenticating`,
        pass: product.auth.peakWindow <= limit,
        detail: describe(product),
      },
      {
        name: `all ${count} online within ${ALL_ONLINE_LIMIT_S} s`,
        pass: product.allBackS <= ALL_ONLINE_LIMIT_S,
        detail: `last ${seconds(product.allBackS)}, median ${seconds(median(product.backTimes))}`,
      },
    ],
    notes: [
      `${count} engines (own account, own undici dispatcher) and the simulator in one process; ` +
        `initial connection in waves of ${START_WAVE} (${(product.connectMs / 1000).toFixed(1)} s). ` +
        `Storm: every stream reset and ${product.expired} sessions expired in one tick; ` +
        `authentications counted from the simulator's request log. Baseline column = the target ` +
        `limit. One storm per policy: the backoff only resets after a healthy minute.`,
      'Planned re-logins come from the engines themselves (the nextAttemptAt they announce), so ' +
        'they show the policy without the queueing of one busy process.',
      `What-if (not the product): EngineDeps.recovery with baseDelayMs 15 s, floorDelayMs 1 s, ` +
        `i.e. waits of 1-15 s then 1-30 s: ${describe(whatIf)}.`,
    ],
    elapsedMs: performance.now() - started,
    details: { product, whatIf },
  };
}
