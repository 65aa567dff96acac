/**
 * Main process entry (bundled to dist/main/main.cjs): gives the shell its real platform: the
 * gateway engine, the connection doctor, the demo simulator, electron-log and the app's paths.
 * All decisions live in shell.ts and the services it wires; this file only picks the parts.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { app } from 'electron';
import electronLog from 'electron-log/main';
import { createPresenceEngine, redactSecrets, runDoctor } from '../gateway/index.js';
import { APPLICATION_NAME } from './settings/engine-config.js';
import { startShell } from './shell.js';
import { configureAppLog } from './system/app-log.js';
import { builtInDemo } from './system/demo-gateway.js';

// dist/main/main.cjs -> the app root holding dist/ and assets/.
const appRoot = join(__dirname, '..', '..');
const logger = configureAppLog(electronLog, redactSecrets);
// Resolved at the first write, after startup.ts has fixed the profile and logs folders.
electronLog.transports.file.resolvePathFn = () => join(app.getPath('logs'), 'main.log');
const xdgConfig = process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config');

// A promise nobody awaited must still leave a trace for support, scrubbed like every line.
process.on('unhandledRejection', (reason) => {
  logger('shell').error('Unhandled promise rejection', { error: reason });
});

startShell({
  platform: process.platform,
  argv: process.argv,
  env: process.env,
  paths: {
    renderer: join(appRoot, 'dist', 'renderer'),
    preload: join(appRoot, 'dist', 'main', 'preload.cjs'),
    generatedAssets: join(appRoot, 'assets', 'generated'),
    logFolder: () => app.getPath('logs'),
    autostartDir: join(xdgConfig, 'autostart'),
  },
  // Packaged: the executable alone. Development (`electron .`): electron plus the app folder.
  launchCommand: {
    // An AppImage runs from a temporary mount; the login item must start the AppImage itself.
    executable: process.env.APPIMAGE ?? process.execPath,
    args: app.isPackaged ? [] : [appRoot],
  },
  logger,
  createEngine: (engineLogger) => createPresenceEngine({ logger: engineLogger }),
  doctor: (config, onProgress) => runDoctor(config, onProgress, logger),
  demo: builtInDemo(APPLICATION_NAME),
}).then(
  (shell) => {
    if (shell.status === 'second-instance') logger('shell').info('Already running: woke it up');
  },
  (error: unknown) => {
    logger('shell').error('The app could not start', { error });
    app.exit(1);
  },
);
