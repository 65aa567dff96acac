/**
 * Start-up benchmark (plain Node, bench process spawning children): the built terminal front end
 * (`dist/cli/o2g-presence.cjs watch --json`) from spawn to its "online" line, which it prints only
 * after the snapshot is loaded, against a child that only starts Node (`node -e 0`, spawn to
 * exit). Runs alternate so load on the machine hits both alike. Also the popup entry's gzip size.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startSimulator } from '../simulator/index.js';
import type { Simulator, SimulatorUser } from '../simulator/index.js';
import { popupEntryFiles } from './popup-bundle.js';
import { benchUsers } from './rig.js';
import { measure } from './stats.js';
import type { BenchReport } from './stats.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = `${ROOT}dist/cli/o2g-presence.cjs`;
const RENDERER = `${ROOT}dist/renderer`;
const RUNS = 7;
const POPUP_BUDGET_BYTES = 250_000;
const CHILD_TIMEOUT_MS = 30_000;

/** Runs `npm run build` (its script, directly) when dist/ lacks the CLI or the renderer. */
async function ensureBuilt(): Promise<number | undefined> {
  if (existsSync(CLI) && existsSync(`${RENDERER}/popup.html`)) return undefined;
  const started = performance.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code !== 0) throw new Error(`bench: npm run build failed (exit ${code})`);
  return performance.now() - started;
}

/** Milliseconds from spawn until `ready` sees a stdout line (or, without `ready`, until exit). */
function timeChild(args: string[], env: NodeJS.ProcessEnv, ready?: (line: string) => boolean) {
  return new Promise<number>((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`bench: ${args.join(' ')} not ready after ${CHILD_TIMEOUT_MS} ms`));
    }, CHILD_TIMEOUT_MS);
    let readyAt: number | undefined;
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop() ?? '';
      if (readyAt === undefined && ready && lines.some(ready)) {
        readyAt = performance.now() - start;
        // SIGTERM: the CLI stops its engine (stream, subscription, session) and exits 0.
        child.kill('SIGTERM');
      }
    });
    child.stderr.resume();
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const elapsed = performance.now() - start;
      if (ready && readyAt === undefined)
        reject(new Error(`bench: ${args[0]} exited ${code} before it was ready`));
      else resolve(readyAt ?? elapsed);
    });
  });
}

async function startupTimes(sim: Simulator, user: SimulatorUser, runs: number) {
  const env = { ...process.env, O2G_BENCH_PASSWORD: user.password };
  const cliArgs = [CLI, 'watch', '--json', '--server', sim.restUrl, '--login', user.loginName];
  const online = (line: string) =>
    line.includes('"type":"connection"') && line.includes('"status":"online"');
  const cli: number[] = [];
  const node: number[] = [];
  // One unmeasured pair warms the file cache.
  for (let run = -1; run < runs; run += 1) {
    const nodeMs = await timeChild(['-e', '0'], process.env);
    const cliMs = await timeChild(
      [...cliArgs, '--password-env', 'O2G_BENCH_PASSWORD'],
      env,
      online,
    );
    if (run >= 0) {
      node.push(nodeMs);
      cli.push(cliMs);
    }
  }
  return { cli, node };
}

export async function runStartupBench(quick = false): Promise<BenchReport> {
  const started = performance.now();
  const buildMs = await ensureBuilt();
  const [user] = benchUsers(1) as [SimulatorUser];
  const sim = await startSimulator({ users: [user] });
  let times: { cli: number[]; node: number[] };
  try {
    times = await startupTimes(sim, user, quick ? 2 : RUNS);
  } finally {
    await sim.stop();
  }

  const files = await popupEntryFiles(RENDERER);
  const gzip = files.reduce((sum, f) => sum + f.gzipBytes, 0);
  const raw = files.reduce((sum, f) => sum + f.bytes, 0);
  const startup = measure('CLI start to online, state loaded', 'ms', times.cli, times.node);
  return {
    name: 'startup',
    measures: [
      startup,
      { ...measure('popup entry, gzip', 'KB', [gzip / 1000]), baseline: POPUP_BUDGET_BYTES / 1000 },
    ],
    targets: [
      {
        name: 'popup entry within the 250 KB gzip budget',
        pass: gzip <= POPUP_BUDGET_BYTES,
        detail: `${(gzip / 1000).toFixed(1)} KB gzip (${(raw / 1000).toFixed(1)} KB raw) in ${files.length} files: ${files.map((f) => f.file).join(', ')}`,
      },
    ],
    notes: [
      `Baseline: \`node -e 0\`, spawn to exit; the CLI: spawn to its {"type":"connection","status":"online"} ` +
        `line against the simulator (login, session, subscription, stream, snapshot). ${times.cli.length} alternating pairs; ratio = median of per-pair ratios.`,
      buildMs === undefined
        ? 'Used the existing dist/ (run `npm run build` first to measure current sources).'
        : `dist/ was missing: built it first (${(buildMs / 1000).toFixed(1)} s, included in this benchmark's time).`,
      'Popup size: gzip (zlib default level) of each file popup.html references plus the chunks those scripts import statically; 1 KB = 1000 bytes.',
    ],
    elapsedMs: performance.now() - started,
    details: { ...times, popupFiles: files, buildMs },
  };
}
