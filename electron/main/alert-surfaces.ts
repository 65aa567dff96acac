/**
 * Main process: the windows and alert surfaces of the shell, built on Electron: dashboard and
 * settings windows, call popups, native notifications, the alert router that drives them, and
 * the missed-call badge. Every window comes from the one secure factory.
 */
import { app, BrowserWindow, nativeImage, Notification, screen } from 'electron';
import type { Logger, LoggerFactory } from '../gateway/log.js';
import type { Account } from './account.js';
import { AlertRouter } from './alerts/alert-router.js';
import { NotificationRegistry } from './alerts/notification-registry.js';
import { APP_ORIGIN } from './security/app-protocol.js';
import { MissedCallBadge } from './tray/missed-call-badge.js';
import { appIconPath, missedOverlayPath } from './tray/tray-images.js';
import { resolveLanguage } from './system/language.js';
import { AppWindows } from './windows/app-windows.js';
import { CallPopups } from './windows/call-popups.js';
import { createSecureWindowFactory } from './windows/secure-window.js';

export interface AlertSurfaces {
  readonly windows: AppWindows;
  readonly popups: CallPopups;
  readonly notifications: NotificationRegistry;
  readonly router: AlertRouter;
  readonly badge: MissedCallBadge;
}

export interface SurfaceOptions {
  readonly platform: NodeJS.Platform;
  readonly preload: string;
  readonly generatedAssets: string;
  readonly logger: LoggerFactory;
  readonly account: Pick<Account, 'settings'>;
  readonly log: Logger;
}

export function createAlertSurfaces(options: SurfaceOptions): AlertSurfaces {
  const { platform } = options;
  const secureWindows = createSecureWindowFactory(BrowserWindow, options.preload);
  const appIcon = appIconPath(options.generatedAssets, platform);

  const windows = new AppWindows({
    createWindow: (chrome) => {
      const window = secureWindows.create({ ...chrome, icon: appIcon });
      // A new taskbar button starts without the overlay: give it the current count.
      queueMicrotask(() => badge.refresh());
      return window;
    },
    urlFor: (kind) => `${APP_ORIGIN}/${kind === 'dashboard' ? 'index' : 'settings'}.html`,
    onLoadFailed: (kind, error) => options.log.error('A window failed to load', { kind, error }),
  });

  const popups = new CallPopups({
    createWindow: (chrome) => secureWindows.create(chrome),
    screen,
    platform,
    // The region lets the popup group a national number the way people here write it.
    urlFor: (callRef) => {
      const query = new URLSearchParams({ callRef, region: app.getLocaleCountryCode() });
      return `${APP_ORIGIN}/popup.html?${query.toString()}`;
    },
    setTimer: (callback, ms) => setTimeout(callback, ms),
    clearTimer: (timer) => clearTimeout(timer as NodeJS.Timeout),
    log: options.logger('popups'),
  });

  const notifications = new NotificationRegistry({
    createNotification: (notificationOptions) => new Notification(notificationOptions),
    platform,
    onClick: (callRef) => router.showPopup(callRef),
    isSupported: () => Notification.isSupported(),
    icon: appIcon,
    language: () => resolveLanguage(options.account.settings().language, app.getLocale()),
  });

  // While a call rings: the dashboard's taskbar button flashes; on macOS the Dock icon bounces.
  let bounce: number | null = null;
  const attention = {
    set(ringing: boolean): void {
      const dashboard = windows.get('dashboard');
      if (dashboard instanceof BrowserWindow && !dashboard.isDestroyed()) {
        dashboard.flashFrame(ringing);
      }
      if (ringing && bounce === null) bounce = app.dock?.bounce('critical') ?? null;
      if (!ringing && bounce !== null) {
        app.dock?.cancelBounce(bounce);
        bounce = null;
      }
    },
  };

  const router = new AlertRouter({
    notifications,
    popups,
    alertSettings: () => options.account.settings().alerts,
    drawAttention: (ringing) => attention.set(ringing),
  });

  const badge = new MissedCallBadge({
    platform,
    setBadgeCount: (count) => app.setBadgeCount(count),
    taskbarWindows: () =>
      (['dashboard', 'settings'] as const)
        .map((kind) => windows.get(kind))
        .filter((window): window is BrowserWindow => window instanceof BrowserWindow),
    overlayImage: () => nativeImage.createFromPath(missedOverlayPath(options.generatedAssets)),
  });

  return { windows, popups, notifications, router, badge };
}
