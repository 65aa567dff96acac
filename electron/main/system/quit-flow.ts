/**
 * Main process: an orderly quit. Electron's first 'before-quit' is held back while the shell
 * shuts down (alerts closed, engine stopped and its session closed, handlers removed), within a
 * time budget so a dead gateway never keeps the app from quitting; then the quit goes through.
 */
import type { App } from 'electron';

/** Longer than the engine's own 2 s budget for closing the session. */
export const QUIT_BUDGET_MS = 3_000;

export function installQuitFlow(
  app: Pick<App, 'on' | 'quit'>,
  shutdown: () => Promise<void>,
  onLate: () => void,
): () => Promise<void> {
  let running: Promise<void> | null = null;
  let done = false;
  let quitQueued = false;

  const shutDownOnce = (): Promise<void> => {
    running ??= (async () => {
      let budget: NodeJS.Timeout | undefined;
      const outOfTime = new Promise<'late'>((resolve) => {
        budget = setTimeout(() => resolve('late'), QUIT_BUDGET_MS);
      });
      const outcome = await Promise.race([shutdown().then(() => 'done' as const), outOfTime]);
      clearTimeout(budget);
      if (outcome === 'late') onLate();
      done = true;
    })();
    return running;
  };

  app.on('before-quit', (event) => {
    if (done) return;
    event.preventDefault();
    if (quitQueued) return;
    quitQueued = true;
    void shutDownOnce().then(() => app.quit());
  });

  return async () => {
    await shutDownOnce();
    app.quit();
  };
}
