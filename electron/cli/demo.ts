/**
 * `watch --demo` (plain Node, terminal): starts the built-in gateway simulator on loopback with
 * its demo script and hands back a configuration that connects to it, so the terminal front end
 * shows calls ringing, answered and missed on any machine, with no gateway.
 */
import { startSimulator } from '../../simulator/index.js';
import type { Simulator } from '../../simulator/index.js';
import type { EngineConfig } from '../gateway/index.js';

export interface DemoGateway {
  readonly config: EngineConfig;
  readonly banner: string;
  /** Starts the scripted calls (after the engine started). */
  play(): void;
  stop(): Promise<void>;
}

const DEMO_LOGIN = 'oxe19141';

export async function startDemoGateway(applicationName: string): Promise<DemoGateway> {
  const sim = await startSimulator();
  const user = sim.users().find((u) => u.loginName === DEMO_LOGIN);
  if (!user) throw new Error(`The simulator has no demo user ${DEMO_LOGIN}.`);
  let script: DemoScript | undefined;
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
      script ??= new DemoScript(sim, DEMO_LOGIN);
    },
    async stop() {
      script?.stop();
      await sim.stop();
    },
  };
}

/** A repeating scene: a colleague's call answered, an external call missed, a voicemail. */
class DemoScript {
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly sim: Simulator,
    private readonly login: string,
  ) {
    void this.loop();
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  private async loop(): Promise<void> {
    try {
      while (!this.stopped) {
        await this.wait(2_000);
        const answered = await this.sim.placeCall({ loginName: 'oxe19140' }, this.login);
        await this.wait(3_000);
        await this.sim.answer(answered);
        await this.wait(4_000);
        await this.sim.hangUp(answered, 'caller');
        await this.wait(2_000);
        const missed = await this.sim.placeCall(
          { number: '+33298765432', name: { firstName: 'Hélène', lastName: 'Le Bihan' } },
          this.login,
        );
        await this.wait(4_000);
        await this.sim.ringOut(missed);
        await this.wait(1_000);
        await this.sim.leaveVoicemail(this.login);
        await this.wait(4_000);
      }
    } catch {
      // The simulator was stopped under the script: nothing more to play.
    }
  }
}
