// Native notifications of ringing calls: kept in a registry until closed (so the click handler
// lives as long as the notification), clicked -> popup, closed with the call. Caller text is
// literal, and escaped for Linux notification servers that read markup (F9).
import { beforeEach, describe, expect, it } from 'vitest';
import { AlertRouter } from '../../electron/main/alerts/alert-router.js';
import {
  NotificationRegistry,
  notificationOptions,
} from '../../electron/main/alerts/notification-registry.js';
import type { AlertSettings } from '../../shared/settings/schema.js';
import { DEFAULT_SETTINGS } from '../../shared/settings/schema.js';
import {
  Notification,
  clickNotification,
  emitReady,
  notificationRecord,
  resetElectronStub,
} from '../electron-stub/index.js';
import { alertFor } from './fake-engine.js';

function registry(platform = 'linux') {
  const clicked: string[] = [];
  const notifications = new NotificationRegistry({
    createNotification: (options) => new Notification(options),
    platform,
    onClick: (callRef) => clicked.push(callRef),
    isSupported: () => Notification.isSupported(),
  });
  return { notifications, clicked };
}

beforeEach(() => {
  resetElectronStub();
  emitReady();
});

describe('the stub is as strict as Electron', () => {
  it('refuses a notification before ready and one without a title', () => {
    resetElectronStub();
    expect(() => new Notification({ title: 'x' })).toThrow(/before the app is ready/);
    emitReady();
    expect(() => new Notification({})).toThrow(/title/);
  });
});

describe('notification registry', () => {
  it('shows caller as title, number and via line as body, critical, never timing out on Windows', () => {
    const alert = alertFor('7001', {
      caller: {
        name: 'Marc Olivier',
        number: '0240123456',
        via: '31000',
        anonymous: false,
        unknown: false,
      },
    });
    expect(notificationOptions(alert, 'win32')).toMatchObject({
      title: 'Marc Olivier',
      body: '0240123456\nvia 31000',
      urgency: 'critical',
      timeoutType: 'never',
    });
    expect(notificationOptions(alert, 'linux').timeoutType).toBe('default');
  });

  it('French: the model labels for withheld and unknown callers are said in French', () => {
    const withheld = alertFor('7203', {
      caller: { name: 'Withheld number', number: null, via: null, anonymous: true, unknown: false },
    });
    const unknown = alertFor('7204', {
      caller: { name: 'Unknown caller', number: null, via: null, anonymous: false, unknown: true },
    });
    expect(notificationOptions(withheld, 'win32', undefined, 'fr').title).toBe('Numéro masqué');
    expect(notificationOptions(unknown, 'win32', undefined, 'fr').title).toBe('Appelant inconnu');
    expect(notificationOptions(unknown, 'win32', undefined, 'en').title).toBe('Unknown caller');
    expect(notificationOptions(alertFor('7001'), 'win32', undefined, 'fr').title).toBe(
      'Marc Olivier',
    );
  });

  it('keeps each notification until it is closed, then lets it go', () => {
    const { notifications } = registry();
    notifications.show(alertFor('7001'));
    notifications.show(alertFor('7002'));
    expect(notifications.callRefs()).toEqual(['7001', '7002']);

    notificationRecord.created[0]!.close(); // the user closed it in the notification centre
    expect(notifications.callRefs()).toEqual(['7002']);
    notifications.close('7002');
    expect(notificationRecord.created[1]!.closed).toBe(true);
    expect(notifications.callRefs()).toEqual([]);
  });

  it('shows nothing (and does not throw) where the desktop has no notification server', () => {
    notificationRecord.supported = false;
    const { notifications } = registry();
    notifications.show(alertFor('7001'));
    expect(notificationRecord.created).toHaveLength(0);
    expect(notifications.callRefs()).toEqual([]);
  });

  it('a click on the notification reports its call, for the popup to come up', () => {
    const { notifications, clicked } = registry();
    notifications.show(alertFor('7001'));
    clickNotification(notificationRecord.created[0]!);
    expect(clicked).toEqual(['7001']);
  });

  it('a repeated alert replaces the notification instead of stacking a second one', () => {
    const { notifications } = registry();
    notifications.show(alertFor('7001'));
    notifications.show(alertFor('7001'));
    expect(notificationRecord.created[0]!.closed).toBe(true);
    expect(notifications.callRefs()).toEqual(['7001']);
    expect(notificationRecord.created.filter((n) => !n.closed)).toHaveLength(1);
  });

  it('an updated alert replaces its notification silently: one ringing call sounds once', () => {
    const { notifications } = registry();
    notifications.show(alertFor('7001'));
    notifications.show(alertFor('7001'));
    expect(notificationRecord.created.map((n) => n.options.silent)).toEqual([false, true]);
    notifications.close('7001');
    notifications.show(alertFor('7001'));
    expect(notificationRecord.created[2]!.options.silent).toBe(false);
  });

  it('F9: markup in a caller name is shown literally; on Linux the body is escaped', () => {
    const name = '<img src=x onerror="window.__pwned=1">Léa & Co <b>VIP</b>';
    const alert = alertFor('7301', {
      caller: {
        name,
        number: '0240<script>1</script>',
        via: null,
        anonymous: false,
        unknown: false,
      },
    });
    const linux = notificationOptions(alert, 'linux');
    expect(linux.title).toContain('<img src=x');
    expect(linux.body).toBe('0240&lt;script&gt;1&lt;/script&gt;');
    expect(notificationOptions(alert, 'win32').body).toBe('0240<script>1</script>');

    const dupont = alertFor('7302', {
      caller: {
        name: 'Dupont & Fils',
        number: 'Dupont & Fils',
        via: '31000 & 31001',
        anonymous: false,
        unknown: false,
      },
    });
    expect(notificationOptions(dupont, 'linux')).toMatchObject({
      title: 'Dupont & Fils',
      body: 'via 31000 &amp; 31001',
    });
  });
});

describe('alert router', () => {
  function router(alerts: Partial<AlertSettings> = {}) {
    const shownPopups: string[] = [];
    const closedPopups: string[] = [];
    const { notifications } = registry();
    const route = new AlertRouter({
      notifications,
      popups: {
        show: (alert) => shownPopups.push(alert.callRef),
        closeForAlert: (callRef, reason) => closedPopups.push(`${callRef}:${reason}`),
        closeAll: () => closedPopups.push('all'),
      },
      alertSettings: () => ({ ...DEFAULT_SETTINGS.alerts, ...alerts }),
    });
    return { route, shownPopups, closedPopups, notifications };
  }

  it('show -> notification and popup; close -> both gone, with the reason', () => {
    const { route, shownPopups, closedPopups, notifications } = router();
    route.apply({ action: 'show', alert: alertFor('7001') });
    expect(shownPopups).toEqual(['7001']);
    expect(notifications.callRefs()).toEqual(['7001']);
    route.apply({ action: 'close', callRef: '7001', reason: 'missed' });
    expect(closedPopups).toEqual(['7001:missed']);
    expect(notifications.callRefs()).toEqual([]);
  });

  it('notification click brings the popup even with popups off; not for a call that stopped', () => {
    const { route, shownPopups } = router({ popups: false });
    route.apply({ action: 'show', alert: alertFor('7001') });
    expect(shownPopups).toEqual([]);
    route.showPopup('7001');
    expect(shownPopups).toEqual(['7001']);
    route.apply({ action: 'close', callRef: '7001', reason: 'ended' });
    route.showPopup('7001');
    expect(shownPopups).toEqual(['7001']);
  });

  it('notifications off: silence for desk-phone users, the popup still comes', () => {
    const { route, shownPopups, notifications } = router({ notifications: false });
    route.apply({ action: 'show', alert: alertFor('7001') });
    expect(notifications.callRefs()).toEqual([]);
    expect(shownPopups).toEqual(['7001']);
  });

  it('clear() removes everything still on screen', () => {
    const { route, closedPopups, notifications } = router();
    route.apply({ action: 'show', alert: alertFor('7001') });
    route.clear();
    expect(notifications.callRefs()).toEqual([]);
    expect(closedPopups).toEqual(['all']);
    expect(route.ringingAlert('7001')).toBeUndefined();
  });
});
