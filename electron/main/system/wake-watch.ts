/**
 * Main process: tells the engine when the machine woke up, was unlocked or came back online, so
 * it drops a stream that may be dead and reconnects at once instead of waiting for a timeout.
 */
import type { PresenceEngine } from '../../gateway/types.js';

export interface WakeSources {
  powerMonitor: { on(event: 'resume' | 'unlock-screen', listener: () => void): unknown };
  isOnline(): boolean;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(timer: unknown): void;
}

/** Often enough to notice a network change within a ring; cheap (no I/O, a flag read). */
export const ONLINE_POLL_MS = 5_000;

export function watchWakeUps(engine: Pick<PresenceEngine, 'nudge'>, sources: WakeSources) {
  sources.powerMonitor.on('resume', () => engine.nudge('system resumed'));
  sources.powerMonitor.on('unlock-screen', () => engine.nudge('screen unlocked'));

  let online = sources.isOnline();
  const timer = sources.setInterval(() => {
    const now = sources.isOnline();
    if (now && !online) engine.nudge('network back online');
    online = now;
  }, ONLINE_POLL_MS);

  return (): void => sources.clearInterval(timer);
}
