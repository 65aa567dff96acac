/**
 * Main process: "Try the demo". Starts the built-in gateway simulator on loopback with its
 * scripted calls (shared with the terminal's `watch --demo`) the first time it is needed, and
 * stops it when the user switches to a real gateway or quits.
 */
import { startDemoGateway } from '../../cli/demo.js';
import type { EngineConfig } from '../../gateway/types.js';
import type { DemoGateway } from '../account.js';

export function builtInDemo(applicationName: string): DemoGateway {
  let running: Awaited<ReturnType<typeof startDemoGateway>> | null = null;
  return {
    async start(): Promise<EngineConfig> {
      running ??= await startDemoGateway(applicationName);
      return running.config;
    },
    play() {
      running?.play();
    },
    async stop() {
      const demo = running;
      running = null;
      await demo?.stop();
    },
  };
}
