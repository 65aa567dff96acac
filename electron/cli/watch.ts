/**
 * `o2g-presence watch` (plain Node, terminal): runs the presence engine and prints its changes,
 * as a live status line with a call log, or as JSON lines. Ctrl+C stops the engine (closing the
 * stream, subscription and session) and exits 0.
 */
import { createPresenceEngine } from '../gateway/index.js';
import type { EngineConfig, LoggerFactory, PresenceEngine } from '../gateway/index.js';
import { JsonReporter } from './json-output.js';
import { TerminalReporter } from './terminal-output.js';

export interface WatchOptions {
  readonly config: EngineConfig;
  readonly json: boolean;
  readonly logger: LoggerFactory;
  /** Runs after the engine stopped (the demo stops its simulator here). */
  readonly cleanup?: () => Promise<void>;
  /** Called once the engine runs, with it (the demo starts its script here). */
  readonly onStarted?: (engine: PresenceEngine) => void;
}

/** Statuses after which the engine will not try again by itself. */
const FINAL = new Set(['wrong-credentials']);

export async function watch(options: WatchOptions): Promise<number> {
  const engine = createPresenceEngine({ logger: options.logger });
  let exitCode = 0;
  let finished: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finished = resolve));

  const stdout = process.stdout;
  const json = new JsonReporter((line) => stdout.write(`${line}\n`));
  const terminal = new TerminalReporter(stdout);
  const ticker = options.json ? undefined : setInterval(() => terminal.tick(), 1000);

  engine.onAlert((change) => (options.json ? json.alert(change) : terminal.alert(change)));
  let ended = false;
  engine.onView((view) => {
    // After a final status the engine only stops: "stopped" must not replace the reason.
    if (ended) return;
    if (options.json) json.view(view);
    else terminal.update(view);
    if (FINAL.has(view.connection.status)) {
      exitCode = 3;
      ended = true;
      finished();
    }
  });

  const onSignal = () => finished();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  await engine.start(options.config);
  options.onStarted?.(engine);
  await done;

  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  if (ticker) clearInterval(ticker);
  await engine.stop();
  terminal.finish();
  await options.cleanup?.();
  return exitCode;
}
