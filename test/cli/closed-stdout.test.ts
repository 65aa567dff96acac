// `o2g-presence watch --json | head -n 1`: when the reader of stdout goes away, the front end
// stops as after Ctrl+C (exit 0, no EPIPE stack trace) instead of dying mid-session.
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-harness.js';

describe('a closed stdout', () => {
  it('ends watch --json quietly with exit 0', async () => {
    const run = runCli(['watch', '--demo', '--json']);
    await run.waitForLine((line) => line.includes('"type":"tray"'), 'first tray line');
    run.child.stdout.destroy();

    const code = await Promise.race([
      run.exited,
      new Promise<string>((resolve) => setTimeout(() => resolve('still running'), 10_000)),
    ]);
    if (code === 'still running') run.child.kill('SIGKILL');
    expect(code).toBe(0);
    expect(run.stderr.join('\n')).not.toMatch(/EPIPE|Unhandled/);
  });
});
