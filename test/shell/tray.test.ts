// The tray service: one image per state, changed only when the state changes; the tooltip in
// words; a menu with status, counters, DND, Open, Settings, Start at login, Open log folder and
// Quit; and an app that carries on when the desktop has no tray.
import { Menu as ElectronMenu, Tray as ElectronTray } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TrayMenuActions } from '../../electron/main/tray/tray-menu.js';
import { TRAY_STATES, trayImagePath } from '../../electron/main/tray/tray-images.js';
import { TrayService } from '../../electron/main/tray/tray-service.js';
import { MissedCallBadge } from '../../electron/main/tray/missed-call-badge.js';
import type { Counters, PresenceView, TrayState } from '../../shared/presence/types.js';
import {
  BrowserWindow,
  NativeImageStub,
  appRecord,
  clickTrayMenuItem,
  emitReady,
  resetElectronStub,
  trayRecord,
} from '../electron-stub/index.js';
import { viewWith } from './fake-engine.js';
import { recordingLog } from './recording-log.js';

function actionsLog(): { actions: TrayMenuActions; done: string[] } {
  const done: string[] = [];
  return {
    done,
    actions: {
      openDashboard: () => done.push('dashboard'),
      openSettings: () => done.push('settings'),
      setDnd: (on) => done.push(`dnd:${on}`),
      setStartAtLogin: (on) => done.push(`login:${on}`),
      openLogFolder: () => done.push('logs'),
      quit: () => done.push('quit'),
    },
  };
}

function service(platform = 'linux') {
  const { actions, done } = actionsLog();
  const { log, lines } = recordingLog();
  const tray = new TrayService({
    createTray: (image) => new ElectronTray(image),
    buildMenu: (template) => ElectronMenu.buildFromTemplate(template),
    imageFor: (state) => trayImagePath('/gen', platform, state),
    actions,
    log,
  });
  return { tray, done, lines };
}

const online = { status: 'online' } as const;
const counters = (missedCalls: number, voiceMessages: number): Counters => ({
  ...viewWith({}).counters,
  missedCalls,
  voiceMessages,
});

const VIEWS: ReadonlyArray<[TrayState, PresenceView]> = [
  ['free', viewWith({ tray: 'free', tooltip: 'Free', connection: online })],
  [
    'ringing',
    viewWith({
      tray: 'ringing',
      tooltip: 'Ringing: Marc Olivier, 0240 12 34 56',
      connection: online,
    }),
  ],
  ['busy', viewWith({ tray: 'busy', tooltip: 'Busy', connection: online })],
  ['dnd', viewWith({ tray: 'dnd', tooltip: 'Do not disturb', dnd: true, connection: online })],
  [
    'offline',
    viewWith({
      tray: 'offline',
      tooltip: 'Reconnecting: certificate not trusted',
      connection: { status: 'reconnecting', reason: 'certificate not trusted' },
    }),
  ],
  [
    'unknown',
    viewWith({ tray: 'unknown', tooltip: 'Connecting…', connection: { status: 'connecting' } }),
  ],
];

beforeEach(() => {
  resetElectronStub();
  emitReady();
});

describe('tray images', () => {
  it('has one image per state on each platform: .ico on Windows, Template on macOS, PNG on Linux', () => {
    expect(TRAY_STATES).toHaveLength(6);
    expect(trayImagePath('/g', 'win32', 'ringing')).toBe('/g/tray/tray-ringing.ico');
    expect(trayImagePath('/g', 'darwin', 'dnd')).toBe('/g/tray/tray-dndTemplate.png');
    expect(trayImagePath('/g', 'linux', 'offline')).toBe('/g/tray/tray-offline.png');
    expect(new Set(TRAY_STATES.map((s) => trayImagePath('/g', 'linux', s))).size).toBe(6);
  });

  it.each(VIEWS)('%s: image and tooltip in words', (state, view) => {
    const { tray } = service();
    tray.start(viewWith({ tray: state === 'free' ? 'unknown' : 'free' }), false);
    tray.update(view);
    const icon = trayRecord.created[0]!;
    expect(icon.images.at(-1)).toBe(`/gen/tray/tray-${state}.png`);
    expect(icon.tooltips.at(-1)).toBe(view.tooltip);
  });

  it('changes the image only when the state changes', () => {
    const { tray } = service();
    const ringing = VIEWS[1]![1];
    tray.start(ringing, false);
    tray.update(ringing);
    tray.update({ ...ringing, tooltip: 'Ringing: Hélène Le Bihan, +33298765432' });
    tray.update({
      ...ringing,
      tooltip: 'Ringing: Hélène Le Bihan, +33298765432',
      counters: counters(2, 0),
    });
    const icon = trayRecord.created[0]!;
    expect(icon.images).toEqual(['/gen/tray/tray-ringing.png']);
    expect(icon.tooltips).toEqual([
      'Ringing: Marc Olivier, 0240 12 34 56',
      'Ringing: Hélène Le Bihan, +33298765432',
    ]);
    tray.update(VIEWS[2]![1]);
    expect(icon.images).toEqual(['/gen/tray/tray-ringing.png', '/gen/tray/tray-busy.png']);
  });
});

describe('tray menu', () => {
  it.each(VIEWS)(
    '%s: status, counters, DND, Open, Settings, Start at login, logs, Quit',
    (_state, view) => {
      const { tray } = service();
      tray.start({ ...view, counters: counters(3, 1) }, true);
      const labels = trayRecord.created[0]!.lastMenu!.items.filter(
        (i) => i.type !== 'separator',
      ).map((i) => i.label);
      expect(labels).toEqual([
        view.tooltip,
        '3 missed calls',
        '1 voice message',
        'Do not disturb',
        'Open',
        'Settings',
        'Start at login',
        'Open log folder',
        'Quit',
      ]);
      const items = trayRecord.created[0]!.lastMenu!.items;
      expect(
        items.find((i) => i.type === 'checkbox' && i.label === 'Do not disturb'),
      ).toMatchObject({
        checked: view.dnd,
        enabled: view.connection.status === 'online',
      });
      expect(items.find((i) => i.label === 'Start at login')?.checked).toBe(true);
    },
  );

  it('each item does what it says', () => {
    const { tray, done } = service();
    tray.start(VIEWS[0]![1], false);
    const icon = trayRecord.created[0]!;
    for (const label of [
      'Open',
      'Settings',
      'Do not disturb',
      'Start at login',
      'Open log folder',
      'Quit',
      '0 missed calls',
    ]) {
      clickTrayMenuItem(icon, label);
    }
    expect(done).toEqual([
      'dashboard',
      'settings',
      'dnd:true',
      'login:true',
      'logs',
      'quit',
      'dashboard',
    ]);
    icon.emit('click');
    expect(done.at(-1)).toBe('dashboard');
  });

  it('DND cannot be toggled while offline', () => {
    const { tray } = service();
    tray.start(VIEWS[4]![1], false);
    expect(() => clickTrayMenuItem(trayRecord.created[0]!, 'Do not disturb')).toThrow(/disabled/);
  });

  it('rebuilds the menu only when something in it changed', () => {
    const { tray } = service();
    const free = VIEWS[0]![1];
    tray.start(free, false);
    tray.update({ ...free, calls: [] });
    tray.update(free);
    expect(trayRecord.created[0]!.menus).toHaveLength(1);
    tray.update({ ...free, counters: counters(1, 0) });
    expect(trayRecord.created[0]!.menus).toHaveLength(2);
    expect(trayRecord.created[0]!.lastMenu!.items[1]?.label).toBe('1 missed call');
    tray.setStartAtLogin(true);
    expect(trayRecord.created[0]!.menus).toHaveLength(3);
  });

  it('without a system tray, logs once and carries on', () => {
    trayRecord.failCreate = true;
    const { tray, lines } = service();
    expect(tray.start(VIEWS[0]![1], false)).toBe(false);
    expect(tray.available).toBe(false);
    expect(() => tray.update(VIEWS[1]![1])).not.toThrow();
    expect(lines.filter((l) => l.level === 'warn')).toHaveLength(1);
  });
});

describe('missed-call badge', () => {
  it('macOS and Linux: badge count, set only when it changes', () => {
    const badge = new MissedCallBadge({
      platform: 'darwin',
      setBadgeCount: (n) => {
        appRecord.badgeCounts.push(n);
        return true;
      },
      taskbarWindows: () => [],
      overlayImage: () => new NativeImageStub('/overlay.png') as never,
    });
    badge.update(0);
    badge.update(2);
    badge.update(2);
    badge.update(0);
    expect(appRecord.badgeCounts).toEqual([2, 0]);
  });

  it('Windows: an overlay on each taskbar window with the count in words; cleared at 0', () => {
    const window = new BrowserWindow({});
    const badge = new MissedCallBadge({
      platform: 'win32',
      setBadgeCount: () => true,
      taskbarWindows: () => [window as never],
      overlayImage: () => new NativeImageStub('/overlay.png') as never,
    });
    badge.update(1);
    badge.update(4);
    badge.update(0);
    expect(window.overlayIcons.map((o) => o.description)).toEqual([
      '1 missed call',
      '4 missed calls',
      '0 missed calls',
    ]);
    expect(window.overlayIcons.at(-1)?.icon).toBeNull();
  });
});
