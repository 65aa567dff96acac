// Test harness for the gateway engine (plain Node): a simulator on loopback, an engine wired to
// it with captured views, alerts and log lines, and waiting helpers that poll real time.
import { startSimulator } from '../../simulator/index.js';
import type { Simulator, SimulatorOptions } from '../../simulator/index.js';
import { createPresenceEngine } from '../../electron/gateway/index.js';
import type { EngineDeps } from '../../electron/gateway/engine.js';
import type { EngineConfig, LoggerFactory, PresenceEngine } from '../../electron/gateway/index.js';
import type { AlertChange, PresenceView } from '../../shared/presence/types.js';

export const PASSWORDS: Record<string, string> = {
  oxe19140: 'Alto-19140',
  oxe19141: 'Viola-19141',
  oxe31001: 'Tr0mbone!Quiet#42',
};

export interface Harness {
  readonly sim: Simulator;
  readonly engine: PresenceEngine;
  readonly views: PresenceView[];
  readonly alerts: AlertChange[];
  readonly logLines: string[];
  config(login?: string, overrides?: Partial<EngineConfig>): EngineConfig;
  waitForView(
    check: (view: PresenceView) => boolean,
    what: string,
    timeoutMs?: number,
  ): Promise<PresenceView>;
  close(): Promise<void>;
}

export function capturingLogger(lines: string[]): LoggerFactory {
  return (module) => {
    const at = (level: string) => (msg: string, fields?: Record<string, unknown>) =>
      lines.push(`${level} ${module} ${msg} ${fields ? JSON.stringify(fields) : ''}`);
    return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  };
}

export async function waitUntil(
  check: () => boolean,
  what: string,
  timeoutMs = 8_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function startHarness(
  simOptions: SimulatorOptions = {},
  deps: EngineDeps = {},
): Promise<Harness> {
  const sim = await startSimulator(simOptions);
  const logLines: string[] = [];
  const engine = createPresenceEngine({ logger: capturingLogger(logLines), ...deps });
  const views: PresenceView[] = [];
  const alerts: AlertChange[] = [];
  engine.onView((view) => views.push(view));
  engine.onAlert((change) => alerts.push(change));

  const config = (login = 'oxe19141', overrides: Partial<EngineConfig> = {}): EngineConfig => ({
    server: sim.restUrl,
    login,
    password: PASSWORDS[login] ?? '',
    accessMode: 'auto',
    caPems: [],
    applicationName: 'o2g-presence-test',
    ...overrides,
  });

  const waitForView = async (
    check: (view: PresenceView) => boolean,
    what: string,
    timeoutMs = 8_000,
  ): Promise<PresenceView> => {
    await waitUntil(
      () => check(engine.view),
      `${what} (now ${JSON.stringify(engine.view.connection)} ${engine.view.tray})`,
      timeoutMs,
    );
    return engine.view;
  };

  return {
    sim,
    engine,
    views,
    alerts,
    logLines,
    config,
    waitForView,
    async close() {
      await engine.stop();
      await sim.stop();
    },
  };
}
