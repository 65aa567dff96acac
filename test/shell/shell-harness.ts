/**
 * Test-only: starts the real shell (electron/main/shell.ts) against the Electron stub, a fake
 * engine and a temporary user-data folder whose log file is written through the production
 * log configuration, so tests can read every byte the app wrote.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { LogMessage } from 'electron-log';
import { redactSecrets } from '../../electron/gateway/log.js';
import type { DemoGateway, Doctor } from '../../electron/main/account.js';
import type { ShellHandle, ShellOptions, RunningShell } from '../../electron/main/shell.js';
import { startShell } from '../../electron/main/shell.js';
import type { ElectronLogLike } from '../../electron/main/system/app-log.js';
import { configureAppLog } from '../../electron/main/system/app-log.js';
import { DEFAULT_SETTINGS } from '../../shared/settings/schema.js';
import { appRecord, emitReady } from '../electron-stub/index.js';
import { FakeEngine } from './fake-engine.js';

/** A file-writing stand-in for electron-log: hooks first, then one line per message. */
function fileLog(file: string): ElectronLogLike {
  const hooks: ElectronLogLike['hooks'] = [];
  const write = (scope: string, level: LogMessage['level'], data: unknown[]): void => {
    let message: LogMessage | false = { data, date: new Date(0), level, scope };
    for (const hook of hooks) if (message) message = hook(message);
    if (!message) return;
    const text = message.data.map((d) => (typeof d === 'string' ? d : JSON.stringify(d)));
    appendFileSync(file, `[${level}] (${scope}) ${text.join(' ')}\n`);
  };
  return {
    hooks,
    transports: { file: { maxSize: 0, level: 'info' } },
    scope: (label) => ({
      debug: (...data) => write(label, 'debug', data),
      info: (...data) => write(label, 'info', data),
      warn: (...data) => write(label, 'warn', data),
      error: (...data) => write(label, 'error', data),
    }),
  };
}

export interface HarnessOptions {
  userData?: string;
  platform?: NodeJS.Platform;
  argv?: string[];
  demo?: DemoGateway | null;
  doctor?: Doctor;
  policyFile?: string;
}

export interface Harness {
  readonly userData: string;
  readonly logFile: string;
  readonly engine: FakeEngine;
  readonly shell: RunningShell;
}

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** A fresh profile folder, named as the shell names it: <appData>/O2G Presence. */
export async function profileDir(): Promise<string> {
  const userData = join(await tempDir('o2g-appdata-'), 'O2G Presence');
  mkdirSync(userData);
  return userData;
}

export function shellOptions(
  userData: string,
  engineOut: { engine?: FakeEngine },
  options: HarnessOptions = {},
): ShellOptions {
  mkdirSync(join(userData, 'logs'), { recursive: true });
  const logger = configureAppLog(fileLog(join(userData, 'logs', 'main.log')), redactSecrets);
  return {
    platform: options.platform ?? 'linux',
    argv: options.argv ?? ['o2g-presence'],
    env: {},
    paths: {
      renderer: join(userData, 'renderer'),
      preload: '/app/dist/main/preload.cjs',
      generatedAssets: '/app/assets/generated',
      logFolder: () => join(userData, 'logs'),
      autostartDir: join(userData, 'autostart'),
      policyFile: options.policyFile ?? join(userData, 'no-policy.json'),
    },
    launchCommand: { executable: '/opt/O2G Presence/o2g-presence', args: [] },
    logger,
    createEngine: (engineLogger) => {
      engineOut.engine = new FakeEngine(engineLogger);
      return engineOut.engine;
    },
    doctor: options.doctor ?? (async () => []),
    demo: options.demo ?? null,
    now: () => new Date(2026, 11, 3, 18, 0, 0),
  };
}

/** Starts the shell as Electron would: startShell runs, then the app becomes ready. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const userData = options.userData ?? (await profileDir());
  appRecord.paths.set('appData', dirname(userData));
  const out: { engine?: FakeEngine } = {};
  const started: Promise<ShellHandle> = startShell(shellOptions(userData, out, options));
  emitReady();
  const shell = await started;
  if (shell.status !== 'running' || !out.engine) throw new Error('The shell did not start');
  return { userData, logFile: join(userData, 'logs', 'main.log'), engine: out.engine, shell };
}

/** A demo gateway that only records what the shell asked of it. */
export function fakeDemo(): DemoGateway & { played: number; stopped: number; started: number } {
  const demo = {
    played: 0,
    stopped: 0,
    started: 0,
    async start() {
      demo.started += 1;
      return {
        server: 'http://127.0.0.1:9',
        login: 'oxe19141',
        password: 'demo-password',
        accessMode: 'auto' as const,
        caPems: [],
        applicationName: 'O2G Presence',
      };
    },
    play() {
      demo.played += 1;
    },
    async stop() {
      demo.stopped += 1;
    },
  };
  return demo;
}

/** Writes a settings file as an earlier run would have left it. */
export async function writeSettings(userData: string, settings: object): Promise<void> {
  const { writeFile } = await import('node:fs/promises');
  await writeFile(join(userData, 'settings.json'), JSON.stringify(settings));
}

/** Removes a profile made by profileDir() together with its temporary parent. */
export async function removeProfile(userData: string): Promise<void> {
  const { rm } = await import('node:fs/promises');
  await rm(dirname(userData), { recursive: true, force: true });
}

/** A shell whose saved settings say "demo": it connects at start, like a returning user. */
export async function startInDemo(options: HarnessOptions = {}): Promise<Harness> {
  const userData = await profileDir();
  await writeSettings(userData, { ...DEFAULT_SETTINGS, demoMode: true });
  return startHarness({ userData, demo: fakeDemo(), ...options });
}
