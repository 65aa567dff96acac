/**
 * What the socket benchmarks share (plain Node, bench process): simulator accounts, the engine
 * configuration that points at a simulator over loopback, and waiting for an engine to be online
 * with its state loaded.
 */
import { createPresenceEngine } from '../electron/gateway/index.js';
import type { EngineConfig, EngineDeps, PresenceEngine } from '../electron/gateway/index.js';
import type { Simulator, SimulatorUser } from '../simulator/index.js';

/** `count` simulator accounts, oxe50000 upwards, each with its own extension and password. */
export function benchUsers(count: number): SimulatorUser[] {
  return Array.from({ length: count }, (_, index) => {
    const extension = String(50_000 + index);
    return {
      loginName: `oxe${extension}`,
      password: `Bench-${extension}!`,
      extension,
      firstName: 'Bench',
      lastName: `User ${index}`,
    };
  });
}

export function engineConfig(sim: Simulator, user: SimulatorUser): EngineConfig {
  return {
    server: sim.restUrl,
    login: user.loginName,
    password: user.password,
    accessMode: 'auto',
    caPems: [],
    applicationName: 'o2g-presence-bench',
  };
}

/** Resolves once the engine reports online (the snapshot is read before it says so). */
export function onceOnline(engine: PresenceEngine, timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (engine.view.connection.status === 'online') {
      resolve();
      return;
    }
    const timer = setTimeout(() => {
      off();
      reject(new Error(`bench: engine not online after ${timeoutMs} ms`));
    }, timeoutMs);
    const off = engine.onView((view) => {
      if (view.connection.status !== 'online') return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}

/** An engine started against the simulator for `user`, online with its state loaded. */
export async function onlineEngine(
  sim: Simulator,
  user: SimulatorUser,
  deps: EngineDeps = {},
): Promise<PresenceEngine> {
  const engine = createPresenceEngine(deps);
  const online = onceOnline(engine);
  await engine.start(engineConfig(sim, user));
  await online;
  return engine;
}
