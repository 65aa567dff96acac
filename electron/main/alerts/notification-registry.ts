/**
 * Main process: the native notification of each ringing call. Every notification stays in a map
 * until it is closed, so its click handler cannot be garbage-collected while it is on screen;
 * a click brings up the call's popup. Linux notification servers read the body as markup, so
 * there `&`, `<` and `>` are escaped and "Dupont & Fils" arrives intact.
 */
import type { NotificationConstructorOptions } from 'electron';
import { notificationText } from '../../../shared/presence/caller.js';
import type { Alert } from '../../../shared/presence/types.js';
import type { ShellLanguage } from '../system/language.js';

export interface CallNotification {
  show(): void;
  close(): void;
  on(event: 'click' | 'close', listener: () => void): unknown;
}

export interface NotificationRegistryDeps {
  createNotification(options: NotificationConstructorOptions): CallNotification;
  platform: string;
  onClick(callRef: string): void;
  /** False on desktops without a notification server: the popup alone then alerts. */
  isSupported(): boolean;
  /** The app icon, shown beside the text where the platform allows. */
  icon?: string;
  /** The user's language now (it may change between two calls). Default English. */
  language?: () => ShellLanguage;
}

/** The model's labels for a caller it cannot name, in French (names and numbers stay as is). */
function frenchTitle(alert: Alert, title: string): string {
  if (alert.caller.anonymous) return 'Numéro masqué';
  if (alert.caller.unknown) return 'Appelant inconnu';
  return title;
}

function escapeMarkup(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export function notificationOptions(
  alert: Alert,
  platform: string,
  icon?: string,
  language: ShellLanguage = 'en',
): NotificationConstructorOptions {
  const { title, body } = notificationText(alert);
  return {
    title: language === 'fr' ? frenchTitle(alert, title) : title,
    body: platform === 'linux' ? escapeMarkup(body) : body,
    urgency: 'critical',
    // Windows would otherwise hide the toast after a few seconds while the phone still rings.
    timeoutType: platform === 'win32' ? 'never' : 'default',
    silent: false,
    ...(icon ? { icon } : {}),
  };
}

export class NotificationRegistry {
  private readonly shown = new Map<string, CallNotification>();

  constructor(private readonly deps: NotificationRegistryDeps) {}

  /** Shows a call's notification; a second `show` for the same call (the caller became known,
   * the actions changed) replaces it silently, so one ringing call never sounds twice. */
  show(alert: Alert): void {
    const replacing = this.shown.has(alert.callRef);
    this.close(alert.callRef);
    if (!this.deps.isSupported()) return;
    const options = notificationOptions(
      alert,
      this.deps.platform,
      this.deps.icon,
      this.deps.language?.(),
    );
    const notification = this.deps.createNotification(
      replacing ? { ...options, silent: true } : options,
    );
    this.shown.set(alert.callRef, notification);

    notification.on('click', () => this.deps.onClick(alert.callRef));
    notification.on('close', () => {
      if (this.shown.get(alert.callRef) === notification) this.shown.delete(alert.callRef);
    });
    notification.show();
  }

  close(callRef: string): void {
    const notification = this.shown.get(callRef);
    if (!notification) return;
    this.shown.delete(callRef);
    notification.close();
  }

  closeAll(): void {
    for (const callRef of [...this.shown.keys()]) this.close(callRef);
  }

  /** Call references of the notifications still on screen. */
  callRefs(): string[] {
    return [...this.shown.keys()];
  }
}
