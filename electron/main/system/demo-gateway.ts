/**
 * Main process: "Try the demo". Starts the built-in gateway simulator on loopback the first
 * time it is needed, signs in as its demo user, and lets its call generator ring that user every
 * 15 to 30 seconds with a varied set of callers. Stopped when the user switches to a real
 * gateway or quits.
 */
import { startDemo, startSimulator } from '../../../simulator/index.js';
import type { Simulator } from '../../../simulator/index.js';
import type { EngineConfig } from '../../gateway/types.js';
import type { DemoGateway } from '../account.js';

/** The simulator's built-in account the demo signs in as. */
export const DEMO_LOGIN = 'oxe19141';

export function builtInDemo(applicationName: string): DemoGateway {
  let sim: Simulator | null = null;
  let stopCalls: (() => void) | null = null;

  return {
    async start(): Promise<EngineConfig> {
      sim ??= await startSimulator();
      const user = sim.users().find((candidate) => candidate.loginName === DEMO_LOGIN);
      if (!user) throw new Error(`the simulator has no demo user ${DEMO_LOGIN}`);
      return {
        server: sim.restUrl,
        login: user.loginName,
        password: user.password,
        accessMode: 'auto',
        caPems: [],
        applicationName,
      };
    },
    play() {
      if (sim && !stopCalls) stopCalls = startDemo(sim, DEMO_LOGIN);
    },
    async stop() {
      stopCalls?.();
      stopCalls = null;
      const running = sim;
      sim = null;
      await running?.stop();
    },
  };
}
