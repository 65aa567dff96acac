// Call popups: shown without focus, above the taskbar, out of the taskbar; one per call,
// stacked and restacked; dismissed by the user or by their delay; closed by the call itself.
import { BrowserWindow as ElectronWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallPopups } from '../../electron/main/windows/call-popups.js';
import { createSecureWindowFactory } from '../../electron/main/windows/secure-window.js';
import type { AlertCloseReason } from '../../shared/presence/types.js';
import {
  emitReady,
  resetElectronStub,
  screen,
  setDisplays,
  windowRecord,
} from '../electron-stub/index.js';
import { alertFor } from './fake-engine.js';
import { recordingLog } from './recording-log.js';

function popups(platform = 'win32'): CallPopups {
  const factory = createSecureWindowFactory(ElectronWindow, '/app/preload.cjs');
  return new CallPopups({
    createWindow: (chrome) => factory.create(chrome),
    screen,
    platform,
    urlFor: (callRef) => `app://o2g/popup.html?callRef=${encodeURIComponent(callRef)}`,
    setTimer: (callback, ms) => setTimeout(callback, ms),
    clearTimer: (timer) => clearTimeout(timer as NodeJS.Timeout),
    log: recordingLog().log,
  });
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

beforeEach(() => {
  resetElectronStub();
  emitReady();
});
afterEach(() => vi.useRealTimers());

describe('call popup windows', () => {
  it('is frameless, always on top at screen-saver level, out of the taskbar, shown inactive', async () => {
    const calls = popups('win32');
    calls.show(alertFor('7001'), 0);
    await flush();

    const [window] = windowRecord.created;
    expect(window?.options).toMatchObject({
      frame: false,
      skipTaskbar: true,
      alwaysOnTop: true,
      focusable: false,
      resizable: false,
      show: false,
    });
    expect(window?.alwaysOnTop).toEqual({ flag: true, level: 'screen-saver' });
    expect(window?.shownInactive).toBe(1);
    expect(window?.focused).toBe(0);
    expect(window?.loadedUrls).toEqual(['app://o2g/popup.html?callRef=7001']);
  });

  it('stays focusable on Linux, where a non-focusable window leaves the window manager', () => {
    popups('linux').show(alertFor('7001'), 0);
    expect(windowRecord.created[0]?.options.focusable).toBe(true);
  });

  it('macOS: takes the first click, shows on every desktop and over full-screen apps', () => {
    popups('darwin').show(alertFor('7001'), 0);
    const [window] = windowRecord.created;
    expect(window?.options).toMatchObject({ acceptFirstMouse: true, focusable: false });
    expect(window?.allWorkspaces).toEqual({ visible: true, fullScreen: true });
  });

  it('one popup per call: a second alert for the same call re-shows, never duplicates', async () => {
    const calls = popups();
    calls.show(alertFor('7001'), 0);
    calls.show(alertFor('7001'), 0);
    await flush();
    expect(windowRecord.created).toHaveLength(1);
    expect(windowRecord.created[0]?.shownInactive).toBe(2);
  });

  it('stacks on the display under the cursor and closes the gap when one goes', () => {
    setDisplays(
      [
        {
          id: 1,
          bounds: { x: 0, y: 0, width: 1920, height: 1080 },
          workArea: { x: 0, y: 0, width: 1920, height: 1040 },
          scaleFactor: 1,
        },
        {
          id: 2,
          bounds: { x: 1920, y: 0, width: 1920, height: 1080 },
          workArea: { x: 1920, y: 0, width: 1920, height: 1040 },
          scaleFactor: 2,
        },
      ],
      { x: 2500, y: 500 },
    );
    const calls = popups();
    calls.show(alertFor('7001'), 0);
    calls.show(alertFor('7002'), 0);
    calls.show(alertFor('7003'), 0);
    const [first, second, third] = windowRecord.created;
    expect(first!.bounds.x).toBeGreaterThan(1920);
    expect(second!.bounds.y).toBe(first!.bounds.y - 132);
    expect(third!.bounds.y).toBe(second!.bounds.y - 132);

    calls.dismiss('7001');
    expect(first!.destroyed).toBe(true);
    expect(second!.bounds.y).toBe(1040 - 12 - 120);
    expect(third!.bounds.y).toBe(1040 - 12 - 120 - 132);
  });

  it.each<AlertCloseReason>(['answered', 'answered-elsewhere', 'missed', 'ended'])(
    'closes by itself when the call is %s',
    (reason) => {
      const calls = popups();
      calls.show(alertFor('7001'), 0);
      calls.closeForAlert('7001', reason);
      expect(windowRecord.created[0]?.destroyed).toBe(true);
      expect(calls.callRefs()).toEqual([]);
    },
  );

  it('auto-dismisses after the configured delay, and never when the delay is 0', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const calls = popups();
    calls.show(alertFor('7001'), 20);
    calls.show(alertFor('7002'), 0);
    vi.advanceTimersByTime(19_999);
    expect(calls.callRefs()).toEqual(['7001', '7002']);
    vi.advanceTimersByTime(1);
    expect(calls.callRefs()).toEqual(['7002']);
    vi.advanceTimersByTime(600_000);
    expect(calls.callRefs()).toEqual(['7002']);
  });

  it('a popup closed early cancels its auto-dismiss timer', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const calls = popups();
    calls.show(alertFor('7001'), 10);
    calls.closeForAlert('7001', 'answered');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a popup the OS closed is forgotten, and a new alert can open it again', () => {
    const calls = popups();
    calls.show(alertFor('7001'), 0);
    windowRecord.created[0]!.close();
    expect(calls.callRefs()).toEqual([]);
    calls.show(alertFor('7001'), 0);
    expect(windowRecord.created).toHaveLength(2);
  });
});
