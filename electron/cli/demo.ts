/**
 * `watch --demo` (plain Node, terminal): starts the built-in gateway simulator on loopback with
 * its demo call generator and hands back a configuration that connects to it, so the terminal
 * front end shows calls ringing, answered and missed on any machine, with no gateway.
 */
import { startDemo, startSimulator } from '../../simulator/index.js';
import type { EngineConfig } from '../gateway/index.js';

export interface DemoGateway {
  readonly config: EngineConfig;
  readonly banner: string;
  /** Starts the generated calls (once the engine runs). */
  play(): void;
  stop(): Promise<void>;
}

const DEMO_LOGIN = 'oxe19141';
/** Shorter pauses than the generator's default: a terminal demo should show something soon. */
const GAP_MS = { minGapMs: 2_000, maxGapMs: 5_000 };

export async function startDemoGateway(applicationName: string): Promise<DemoGateway> {
  const sim = await startSimulator();
  const user = sim.users().find((u) => u.loginName === DEMO_LOGIN);
  if (!user) {
    await sim.stop();
    throw new Error(`The simulator has no demo user ${DEMO_LOGIN}.`);
  }
  let stopDemo: (() => void) | undefined;
  return {
    config: {
      server: sim.restUrl,
      login: user.loginName,
      password: user.password,
      accessMode: 'auto',
      caPems: [],
      applicationName,
    },
    banner: `Demo: built-in simulator at ${sim.restUrl}, signed in as ${user.loginName}. Ctrl+C to quit.`,
    play() {
      stopDemo ??= startDemo(sim, DEMO_LOGIN, GAP_MS);
    },
    async stop() {
      stopDemo?.();
      await sim.stop();
    },
  };
}
