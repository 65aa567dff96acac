/**
 * Reconnect storm benchmark (plain Node; one process holds the simulator and 300 engines, each
 * with its own undici dispatcher and its own account): once all are online the simulator resets
 * every event stream and expires every session in the same tick. The simulator's request log
 * then shows how the re-authentications spread over time, and the engines' views show when each
 * is online again. Only jitter in the engines' recovery can keep the gateway from a stampede.
 */
import type { PresenceEngine } from '../electron/gateway/index.js';
import { createPresenceEngine } from '../electron/gateway/index.js';
import { startSimulator } from '../simulator/index.js';
import type { Simulator, SimulatorUser } from '../simulator/index.js';
import { benchUsers, engineConfig, onceOnline } from './rig.js';
import { measure, sleep } from './stats.js';
import type { BenchReport } from './stats.js';

const CLIENTS = 300;
const START_WAVE = 20;
const ALL_ONLINE_LIMIT_S = 60;
/** How long we wait for the last engine before reporting it as not back. */
const GIVE_UP_S = 90;

interface Client {
  readonly engine: PresenceEngine;
  /** performance.now() when it was online again after the storm. */
  backAt?: number;
  wentDown: boolean;
  /** Epoch ms of the last attempt the engine announced (nextAttemptAt) before it was back. */
  plannedAt?: number;
}

async function startClients(sim: Simulator, users: SimulatorUser[]): Promise<Client[]> {
  const clients: Client[] = [];
  // In waves: the initial connection is not what this benchmark measures.
  for (let at = 0; at < users.length; at += START_WAVE) {
    const wave = users.slice(at, at + START_WAVE).map(async (user) => {
      const engine = createPresenceEngine();
      const online = onceOnline(engine, 60_000);
      await engine.start(engineConfig(sim, user));
      await online;
      return { engine, wentDown: false } satisfies Client;
    });
    clients.push(...(await Promise.all(wave)));
  }
  return clients;
}

/** Offsets (ms) per 1-second bucket, and the most of them within any 1000 ms window. */
function perSecond(offsets: readonly number[]) {
  const times = offsets.filter((offset) => offset >= 0).sort((a, b) => a - b);
  const buckets: number[] = [];
  for (const offset of times) {
    const second = Math.floor(offset / 1000);
    while (buckets.length <= second) buckets.push(0);
    buckets[second] = (buckets[second] ?? 0) + 1;
  }
  let window = 0;
  for (let end = 0, start = 0; end < times.length; end += 1) {
    while ((times[end] ?? 0) - (times[start] ?? 0) >= 1000) start += 1;
    window = Math.max(window, end - start + 1);
  }
  const span = times.length > 0 ? ((times.at(-1) ?? 0) - (times[0] ?? 0)) / 1000 : 0;
  return { times, buckets, peakBucket: Math.max(0, ...buckets), peakWindow: window, span };
}

/** Authentication requests the simulator logged after `since` (epoch ms), as offsets. */
function authenticationOffsets(sim: Simulator, since: number): number[] {
  return sim.requestLog
    .filter((entry) => entry.port === 'rest' && entry.path.startsWith('/api/rest/authenticate'))
    .map((entry) => entry.at - since);
}

export async function runReconnectStormBench(quick = false): Promise<BenchReport> {
  const started = performance.now();
  const count = quick ? 60 : CLIENTS;
  const limit = Math.floor(count / 10);
  const sim = await startSimulator({ users: benchUsers(count) });
  let clients: Client[] = [];
  try {
    const connectStart = performance.now();
    clients = await startClients(sim, benchUsers(count));
    const connectMs = performance.now() - connectStart;
    for (const client of clients) {
      client.engine.onView((view) => {
        if (view.connection.status !== 'online') {
          client.wentDown = true;
          if (client.backAt === undefined && view.connection.nextAttemptAt !== undefined) {
            client.plannedAt = view.connection.nextAttemptAt;
          }
        } else if (client.wentDown && client.backAt === undefined)
          client.backAt = performance.now();
      });
    }
    await sleep(1_000);

    const stormEpoch = Date.now();
    const stormAt = performance.now();
    sim.faults.resetStreams();
    const expired = sim.faults.expireSessions();
    const deadline = stormAt + GIVE_UP_S * 1000;
    while (clients.some((c) => c.backAt === undefined) && performance.now() < deadline) {
      await sleep(100);
    }

    const back = clients.filter((c) => c.backAt !== undefined);
    const backTimes = back.map((c) => ((c.backAt ?? 0) - stormAt) / 1000);
    const allBackS = back.length === count ? Math.max(...backTimes) : Number.POSITIVE_INFINITY;
    const auth = perSecond(authenticationOffsets(sim, stormEpoch));
    // What the recovery policy asked for, before this process's CPU queued anything.
    const planned = perSecond(clients.map((c) => (c.plannedAt ?? Number.NaN) - stormEpoch));

    return {
      name: 'storm',
      measures: [
        {
          ...measure('authentications in the busiest second', 'auth/s', [auth.peakWindow]),
          baseline: limit,
        },
        measure('authentications in the busiest 1 s bucket', 'auth/s', [auth.peakBucket]),
        measure('first -> last authentication', 's', [auth.span]),
        {
          ...measure('planned re-logins in the busiest second', 'auth/s', [planned.peakWindow]),
          baseline: limit,
        },
        measure('first -> last planned re-login', 's', [planned.span]),
        { ...measure(`all ${count} online again`, 's', [allBackS]), baseline: ALL_ONLINE_LIMIT_S },
      ],
      targets: [
        {
          name: `no second with more than a tenth of the clients (${limit}) authenticating`,
          pass: auth.peakWindow <= limit,
          detail:
            `${auth.times.length} authentications; busiest 1000 ms window ${auth.peakWindow}, ` +
            `per-second buckets from the storm: [${auth.buckets.join(', ')}]; as the engines ` +
            `planned them (last nextAttemptAt before online): busiest second ${planned.peakWindow}, ` +
            `buckets [${planned.buckets.join(', ')}]`,
        },
        {
          name: `all ${count} online within ${ALL_ONLINE_LIMIT_S} s`,
          pass: allBackS <= ALL_ONLINE_LIMIT_S,
          detail:
            `${back.length}/${count} back; last after ${Number.isFinite(allBackS) ? allBackS.toFixed(1) : `> ${GIVE_UP_S}`} s, ` +
            `median ${measure('', 's', backTimes.length > 0 ? backTimes : [Number.NaN]).median.toFixed(1)} s`,
        },
      ],
      notes: [
        `${count} engines (own account, own undici dispatcher) and the simulator in one process; ` +
          `initial connection in waves of ${START_WAVE} took ${(connectMs / 1000).toFixed(1)} s. Storm: every ` +
          `stream reset and ${expired} sessions expired in one tick. Authentications are counted from the ` +
          `simulator's request log. Baseline column = the target limit. One storm per run: the ` +
          `engines' backoff only resets after a healthy minute, so a second storm would not be alike.`,
      ],
      elapsedMs: performance.now() - started,
      details: {
        buckets: auth.buckets,
        authOffsetsMs: auth.times,
        plannedBuckets: planned.buckets,
        plannedOffsetsMs: planned.times,
        onlineAgainS: backTimes,
        connectMs,
        expired,
      },
    };
  } finally {
    await stopAll(clients);
    await sim.stop();
  }
}

async function stopAll(clients: Client[]): Promise<void> {
  for (let at = 0; at < clients.length; at += 50) {
    await Promise.all(clients.slice(at, at + 50).map((c) => c.engine.stop()));
  }
}
