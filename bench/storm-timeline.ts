/**
 * How a reconnect storm spread over time (plain Node, bench process): offsets from the storm put
 * into 1-second buckets, the busiest 1000 ms window whatever the bucket edges, and the
 * authentications read from the simulator's request log.
 */
import type { Simulator } from '../simulator/index.js';

export interface Timeline {
  /** Offsets in ms from the storm, sorted; negative or unknown ones are left out. */
  readonly times: number[];
  /** Count per second from the storm: [0-1 s, 1-2 s, ...]. */
  readonly buckets: number[];
  readonly peakBucket: number;
  /** Most offsets within any 1000 ms window. */
  readonly peakWindow: number;
  /** Seconds from the first offset to the last. */
  readonly span: number;
}

export function timeline(offsets: readonly number[]): Timeline {
  const times = offsets.filter((offset) => offset >= 0).sort((a, b) => a - b);
  const buckets: number[] = [];
  for (const offset of times) {
    const second = Math.floor(offset / 1000);
    while (buckets.length <= second) buckets.push(0);
    buckets[second] = (buckets[second] ?? 0) + 1;
  }
  let peakWindow = 0;
  for (let end = 0, start = 0; end < times.length; end += 1) {
    while ((times[end] ?? 0) - (times[start] ?? 0) >= 1000) start += 1;
    peakWindow = Math.max(peakWindow, end - start + 1);
  }
  const span = times.length > 0 ? ((times.at(-1) ?? 0) - (times[0] ?? 0)) / 1000 : 0;
  return { times, buckets, peakBucket: Math.max(0, ...buckets), peakWindow, span };
}

/** Authentication requests the simulator logged, as ms after `since` (epoch ms). */
export function authenticationOffsets(sim: Simulator, since: number): number[] {
  return sim.requestLog
    .filter((entry) => entry.port === 'rest' && entry.path.startsWith('/api/rest/authenticate'))
    .map((entry) => entry.at - since);
}
