// Pure start-up decision (which window first) and the quit flow (held until the shell has shut
// down, within a budget so a dead gateway never blocks quitting).
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { windowAtStart } from '../../electron/main/startup.js';
import { installQuitFlow, QUIT_BUDGET_MS } from '../../electron/main/system/quit-flow.js';

describe('window at start', () => {
  const base = {
    settingsRecovered: false,
    connected: true,
    launchedAtLogin: false,
    trayAvailable: true,
  };

  it.each([
    ['first run, nothing to connect with', { connected: null }, 'settings'],
    ['connection refused at start', { connected: false }, 'settings'],
    ['settings file was broken (F10)', { settingsRecovered: true }, 'settings'],
    [
      'broken settings even when started at login',
      { settingsRecovered: true, launchedAtLogin: true },
      'settings',
    ],
    ['a normal start', {}, 'dashboard'],
    ['started at login', { launchedAtLogin: true }, null],
    [
      'started at login on a desktop without a tray',
      { launchedAtLogin: true, trayAvailable: false },
      'dashboard',
    ],
  ] as const)('%s -> %s', (_name, change, expected) => {
    expect(windowAtStart({ ...base, ...change })).toBe(expected);
  });
});

describe('quit flow', () => {
  afterEach(() => vi.useRealTimers());

  function fakeApp() {
    const app = Object.assign(new EventEmitter(), { quits: 0, quit: (): boolean => false });
    app.quit = () => {
      app.quits += 1;
      const event = { prevented: false, preventDefault: () => (event.prevented = true) };
      app.emit('before-quit', event);
      return event.prevented;
    };
    return app;
  }

  it('holds the first quit until the shell has shut down, then lets it through once', async () => {
    const app = fakeApp();
    let finish: () => void = () => undefined;
    const shutdown = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    installQuitFlow(app as never, shutdown, () => undefined);

    expect(app.quit()).toBe(true); // prevented: still shutting down
    expect(app.quit()).toBe(true);
    expect(shutdown).toHaveBeenCalledTimes(1);
    finish();
    await vi.waitFor(() => expect(app.quits).toBe(3));
    expect(app.quit()).toBe(false);
  });

  it('gives up waiting after the budget and says so', async () => {
    vi.useFakeTimers();
    const app = fakeApp();
    const late = vi.fn();
    const quit = installQuitFlow(app as never, () => new Promise<void>(() => undefined), late);
    const done = quit();
    await vi.advanceTimersByTimeAsync(QUIT_BUDGET_MS);
    await done;
    expect(late).toHaveBeenCalledTimes(1);
    expect(app.quits).toBe(1);
  });
});
