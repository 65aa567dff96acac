// The Node.js version banner of the bundled CLI: one line that runs before anything else and
// refuses an older Node in words (exit 1) instead of undici crashing while it loads.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NODE_VERSION_GUARD } from '../../electron/cli/node-guard.js';

/** Runs the guard as the first line of a CommonJS script, on a Node that claims `version`. */
function runGuard(version: string, node = process.execPath) {
  const fake = `Object.defineProperty(process.versions,"node",{value:${JSON.stringify(version)}});`;
  const script = `${version ? fake : ''}\n${NODE_VERSION_GUARD}\nconsole.log("bundle ran");`;
  return spawnSync(node, ['-e', script], { encoding: 'utf8' });
}

describe('NODE_VERSION_GUARD', () => {
  it('is one line', () => {
    expect(NODE_VERSION_GUARD).not.toContain('\n');
  });

  it.each(['20.20.2', '22.11.0', '18.0.0', '21.99.0'])('refuses Node %s in words', (version) => {
    const run = runGuard(version);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`o2g-presence needs Node.js 22.12 or newer (this is ${version})\n`);
    expect(run.stdout).toBe('');
  });

  it.each(['22.12.0', '22.13.1', '23.0.0', '24.21.0'])('lets Node %s through', (version) => {
    const run = runGuard(version);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('bundle ran\n');
  });

  // The host's own old Node, when this machine has one (Debian's is 20 here).
  it.runIf(existsSync('/usr/bin/node'))('stops a real older Node before the bundle', () => {
    const real = spawnSync('/usr/bin/node', ['-p', 'process.versions.node'], { encoding: 'utf8' });
    const [major = 0, minor = 0] = real.stdout.trim().split('.').map(Number);
    const old = major < 22 || (major === 22 && minor < 12);
    const run = runGuard('', '/usr/bin/node');
    expect(run.status).toBe(old ? 1 : 0);
    if (old) expect(run.stderr).toContain(`(this is ${real.stdout.trim()})`);
  });
});
