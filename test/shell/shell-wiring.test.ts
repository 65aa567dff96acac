// The composed shell against the Electron stub, part 2: the engine's views and alerts reaching
// tray, badge, notifications, popups and windows; renderer requests; tray menu; wake-ups.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings/schema.js';
import {
  appRecord,
  clickNotification,
  clickTrayMenuItem,
  invokeIpc,
  netRecord,
  notificationRecord,
  powerMonitor,
  resetElectronStub,
  shellRecord,
  trayRecord,
  windowRecord,
} from '../electron-stub/index.js';
import { alertFor } from './fake-engine.js';
import type { Harness } from './shell-harness.js';
import { removeProfile, startHarness, startInDemo } from './shell-harness.js';

let harness: Harness;

beforeEach(() => resetElectronStub());
afterEach(async () => {
  vi.useRealTimers();
  await removeProfile(harness.userData);
});

describe('engine views and alerts', () => {
  it('a view reaches the tray, the badge and every window', async () => {
    harness = await startInDemo();
    const counters = { ...harness.engine.view.counters, missedCalls: 3, voiceMessages: 1 };
    harness.engine.pushView({ tray: 'busy', tooltip: 'Busy', counters });

    const tray = trayRecord.created[0]!;
    expect(tray.images.at(-1)).toBe('/app/assets/generated/tray/tray-busy.png');
    expect(tray.tooltips.at(-1)).toBe('Busy');
    expect(appRecord.badgeCounts.at(-1)).toBe(3);
    const dashboard = windowRecord.created[0]!;
    expect(dashboard.webContents.sent.at(-1)).toMatchObject({
      channel: 'presence:changed',
      payload: { tray: 'busy' },
    });
  });

  it('a ringing call shows a notification and a popup; both close when it is answered elsewhere', async () => {
    harness = await startInDemo();
    harness.engine.pushAlert({ action: 'show', alert: alertFor('7001') });

    const notification = notificationRecord.created[0]!;
    expect(notification.options).toMatchObject({ title: 'Marc Olivier', urgency: 'critical' });
    expect(notification.shown).toBe(1);
    const popup = windowRecord.created.at(-1)!;
    expect(popup.loadedUrls).toEqual(['app://o2g/popup.html?callRef=7001&region=FR']);

    const dashboard = windowRecord.created[0]!;
    expect(dashboard.flashing).toBe(true);
    expect(appRecord.bouncing.size).toBe(1);

    harness.engine.pushAlert({ action: 'close', callRef: '7001', reason: 'answered-elsewhere' });
    expect(notification.closed).toBe(true);
    expect(popup.destroyed).toBe(true);
    expect(dashboard.flashing).toBe(false);
    expect(appRecord.bouncing.size).toBe(0);
  });

  it('a click on the notification brings back a dismissed popup', async () => {
    harness = await startInDemo();
    harness.engine.pushAlert({ action: 'show', alert: alertFor('7001') });
    await invokeIpc(
      'popup:dismiss',
      { callRef: '7001' },
      {
        url: 'app://o2g/popup.html?callRef=7001',
        origin: 'app://o2g',
        parent: null,
      },
    );
    expect(harness.shell.popups.callRefs()).toEqual([]);

    clickNotification(notificationRecord.created[0]!);
    expect(harness.shell.popups.callRefs()).toEqual(['7001']);
  });

  it('saving alert settings keeps the connection; changing the gateway reconnects', async () => {
    harness = await startInDemo();
    const settings = harness.shell.account.settings();
    const quieter = { ...settings, alerts: { ...settings.alerts, autoDismissSeconds: 30 } };
    expect(await invokeIpc('settings:save', { settings: quieter })).toEqual({ ok: true });
    await Promise.resolve();
    expect(harness.engine.starts).toHaveLength(1);

    const real = {
      ...quieter,
      demoMode: false,
      gateway: { ...quieter.gateway, server: 'o2g.example.com', login: 'oxe31001' },
    };
    await invokeIpc('settings:save', { settings: real, password: 'Tr0mbone!Quiet#42' });
    await vi.waitFor(() => expect(harness.engine.starts).toHaveLength(2));
    expect(harness.engine.starts[1]).toMatchObject({
      server: 'o2g.example.com',
      login: 'oxe31001',
    });
  });

  it('honours the alert settings: popups off, notifications off', async () => {
    harness = await startInDemo();
    const settings = harness.shell.account.settings();
    await invokeIpc('settings:save', {
      settings: {
        ...settings,
        alerts: { ...settings.alerts, popups: false, notifications: false },
      },
    });
    const windowsBefore = windowRecord.created.length;
    harness.engine.pushAlert({ action: 'show', alert: alertFor('7001') });
    expect(notificationRecord.created).toHaveLength(0);
    expect(windowRecord.created).toHaveLength(windowsBefore);
  });

  it('popup buttons act through the engine, then dismiss', async () => {
    harness = await startInDemo();
    harness.engine.pushAlert({ action: 'show', alert: alertFor('7001') });
    expect(await invokeIpc('call:answer', { callRef: '7001' })).toEqual({ ok: true });
    expect(harness.engine.calls).toContainEqual({ action: 'answer', arg: '7001' });
    expect(harness.shell.popups.callRefs()).toEqual([]);

    harness.engine.pushAlert({ action: 'show', alert: alertFor('7002', { canAnswer: false }) });
    const refused = await invokeIpc('call:answer', { callRef: '7002' });
    expect(refused).toMatchObject({ ok: false });
    expect(harness.shell.popups.callRefs()).toEqual(['7002']);
  });

  it('copy number and open in CRM go through main (clipboard, allow-listed URL)', async () => {
    harness = await startInDemo();
    const settings = harness.shell.account.settings();
    await invokeIpc('settings:save', {
      settings: {
        ...settings,
        alerts: { ...settings.alerts, crmUrlTemplate: 'https://crm.example/search?phone={number}' },
      },
    });
    harness.engine.pushAlert({
      action: 'show',
      alert: alertFor('7001', { caller: { ...alertFor('x').caller, number: '+33 2 98 76 54 32' } }),
    });
    const { clipboardRecord } = await import('../electron-stub/index.js');
    expect(await invokeIpc('call:copy-number', { callRef: '7001' })).toEqual({ ok: true });
    expect(clipboardRecord.texts).toEqual(['+33 2 98 76 54 32']);

    harness.engine.pushAlert({
      action: 'show',
      alert: alertFor('7001', { caller: { ...alertFor('x').caller, number: '+33 2 98 76 54 32' } }),
    });
    expect(await invokeIpc('call:open-crm', { callRef: '7001' })).toEqual({ ok: true });
    expect(shellRecord.external).toEqual([
      'https://crm.example/search?phone=%2B33%202%2098%2076%2054%2032',
    ]);
  });
});

describe('tray menu and system events', () => {
  it('tray menu: DND goes to the engine, Open log folder opens the log folder, Quit stops the engine', async () => {
    harness = await startInDemo();
    const tray = trayRecord.created[0]!;
    clickTrayMenuItem(tray, 'Do not disturb');
    expect(harness.engine.calls).toContainEqual({ action: 'setDnd', arg: true });
    clickTrayMenuItem(tray, 'Open log folder');
    expect(shellRecord.opened).toEqual([`${harness.userData}/logs`]);

    clickTrayMenuItem(tray, 'Quit');
    await vi.waitFor(() => expect(appRecord.quitCalls).toBe(2));
    expect(harness.engine.stops).toBe(1);
    expect(tray.destroyed).toBe(true);
  });

  it('resume, unlock and the network coming back nudge the engine', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    harness = await startInDemo();
    powerMonitor.emit('resume');
    powerMonitor.emit('unlock-screen');
    netRecord.online = false;
    vi.advanceTimersByTime(5_000);
    netRecord.online = true;
    vi.advanceTimersByTime(5_000);
    expect(harness.engine.nudges).toEqual([
      'system resumed',
      'screen unlocked',
      'network back online',
    ]);
  });

  it('"Test connection" runs the doctor with the typed password and streams progress to its window', async () => {
    const seen: Array<{ server: string; password: string }> = [];
    harness = await startHarness({
      doctor: async (config, onProgress) => {
        seen.push({ server: config.server, password: config.password });
        onProgress({ id: 'dns', label: 'Name lookup', status: 'pending' });
        const done = { id: 'dns', label: 'Name lookup', status: 'ok' } as const;
        onProgress(done);
        return [done];
      },
    });
    const pushes: Array<{ channel: string; payload: unknown }> = [];
    const sender = {
      send: (channel: string, payload: unknown) => pushes.push({ channel, payload }),
      isDestroyed: () => false,
    };
    const candidate = {
      ...DEFAULT_SETTINGS,
      gateway: { ...DEFAULT_SETTINGS.gateway, server: 'o2g.example.com', login: 'oxe31001' },
    };
    const frame = { url: 'app://o2g/settings.html', origin: 'app://o2g', parent: null };

    const checks = await invokeIpc(
      'settings:test-connection',
      { settings: candidate, password: 'pw-typed' },
      frame,
      sender,
    );
    expect(checks).toEqual([{ id: 'dns', label: 'Name lookup', status: 'ok' }]);
    expect(seen).toEqual([{ server: 'o2g.example.com', password: 'pw-typed' }]);
    expect(pushes.map((p) => p.channel)).toEqual(['doctor:progress', 'doctor:progress']);

    const noPassword = await invokeIpc(
      'settings:test-connection',
      { settings: candidate },
      frame,
      sender,
    );
    expect(noPassword).toEqual([
      expect.objectContaining({ status: 'fail', detail: expect.stringContaining('password') }),
    ]);
  });

  it('"Test connection" sends the stored password only to the gateway and login it was saved for', async () => {
    const seen: Array<{ server: string; password: string }> = [];
    harness = await startHarness({
      doctor: async (config) => {
        seen.push({ server: config.server, password: config.password });
        return [{ id: 'dns', label: 'Name lookup', status: 'ok' }];
      },
    });
    const saved = {
      ...DEFAULT_SETTINGS,
      gateway: { ...DEFAULT_SETTINGS.gateway, server: 'o2g.example.com', login: 'oxe31001' },
    };
    await invokeIpc('settings:save', { settings: saved, password: 'Tr0mbone!Quiet#42' });
    const frame = { url: 'app://o2g/settings.html', origin: 'app://o2g', parent: null };
    const sender = { send: () => undefined, isDestroyed: () => false };

    await invokeIpc('settings:test-connection', { settings: saved }, frame, sender);
    expect(seen).toEqual([{ server: 'o2g.example.com', password: 'Tr0mbone!Quiet#42' }]);

    for (const gateway of [
      { ...saved.gateway, server: 'o2g.attacker.example' },
      { ...saved.gateway, login: 'oxe19140' },
    ]) {
      const checks = await invokeIpc(
        'settings:test-connection',
        { settings: { ...saved, gateway } },
        frame,
        sender,
      );
      expect(checks).toEqual([
        expect.objectContaining({
          status: 'fail',
          detail: expect.stringContaining('Type the password'),
        }),
      ]);
    }
    expect(seen).toHaveLength(1);

    // Saving another address without typing a password forgets the stored one, so connecting
    // never sends it there either.
    const moved = { ...saved, gateway: { ...saved.gateway, server: 'o2g.attacker.example' } };
    expect(await invokeIpc('settings:save', { settings: moved })).toEqual({ ok: true });
    expect(await invokeIpc('settings:get', undefined)).toMatchObject({ hasPassword: false });
    const toMoved = harness.engine.starts.filter((c) => c.server === 'o2g.attacker.example');
    expect(toMoved.map((config) => config.password)).not.toContain('Tr0mbone!Quiet#42');
  });

  it('"Choose CA file" asks for a PEM file in main and answers its path, or null', async () => {
    harness = await startInDemo();
    const { dialogRecord } = await import('../electron-stub/index.js');
    expect(await invokeIpc('settings:choose-ca-file', undefined)).toBeNull();
    dialogRecord.openResult = { canceled: false, filePaths: ['/etc/ssl/corp-ca.pem'] };
    expect(await invokeIpc('settings:choose-ca-file', undefined)).toBe('/etc/ssl/corp-ca.pem');
    expect(dialogRecord.openRequests[0]?.filters?.[0]?.extensions).toContain('pem');
  });

  it('macOS Dock click with no window open shows the dashboard', async () => {
    harness = await startInDemo({ platform: 'darwin', argv: ['o2g-presence', '--autostart'] });
    expect(windowRecord.created).toHaveLength(0);
    const { app } = await import('../electron-stub/index.js');
    app.emit('activate');
    expect(windowRecord.created.map((w) => w.loadedUrls[0])).toEqual(['app://o2g/index.html']);
    app.emit('activate');
    expect(windowRecord.created).toHaveLength(1);
  });

  it('start at login follows the OS: an entry removed outside the app shows as off', async () => {
    harness = await startInDemo();
    clickTrayMenuItem(trayRecord.created[0]!, 'Start at login');
    await vi.waitFor(() => expect(harness.shell.account.settings().startAtLogin).toBe(true));
    await harness.shell.quit();
    const { rm } = await import('node:fs/promises');
    await rm(`${harness.userData}/autostart/o2g-presence.desktop`);

    resetElectronStub();
    const next = await startHarness({ userData: harness.userData });
    expect(next.shell.account.settings().startAtLogin).toBe(false);
    expect(next.shell.tray.startAtLoginShown).toBe(false);
  });

  it('closing every window keeps the app running in the tray', async () => {
    harness = await startInDemo();
    expect(windowRecord.created.length).toBeGreaterThan(0);
    for (const window of windowRecord.created) window.close();
    expect(appRecord.quitCalls).toBe(0);
  });
});
