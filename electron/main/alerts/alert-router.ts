/**
 * Main process: what happens on an alert change from the engine. A ringing call gets a native
 * notification and a popup, each only if the user's alert settings allow it; when the call stops
 * ringing both go away. A click on the notification brings the popup up even when popups are off.
 */
import type { AlertSettings } from '../../../shared/settings/schema.js';
import type { Alert, AlertChange } from '../../../shared/presence/types.js';
import type { CallPopups } from '../windows/call-popups.js';
import type { NotificationRegistry } from './notification-registry.js';

export interface AlertRouterDeps {
  notifications: Pick<NotificationRegistry, 'show' | 'close' | 'closeAll'>;
  popups: Pick<CallPopups, 'show' | 'closeForAlert' | 'closeAll'>;
  alertSettings(): AlertSettings;
  /** Asks the OS to draw attention (taskbar flash, dock bounce) while a call rings. */
  drawAttention?(ringing: boolean): void;
}

export class AlertRouter {
  private readonly ringing = new Map<string, Alert>();

  constructor(private readonly deps: AlertRouterDeps) {}

  apply(change: AlertChange): void {
    const settings = this.deps.alertSettings();
    if (change.action === 'show') {
      this.ringing.set(change.alert.callRef, change.alert);
      if (settings.notifications) this.deps.notifications.show(change.alert);
      if (settings.popups) this.deps.popups.show(change.alert, settings.autoDismissSeconds);
    } else {
      this.ringing.delete(change.callRef);
      this.deps.notifications.close(change.callRef);
      this.deps.popups.closeForAlert(change.callRef, change.reason);
    }
    this.deps.drawAttention?.(this.ringing.size > 0);
  }

  /** The notification of a still-ringing call was clicked. */
  showPopup(callRef: string): void {
    const alert = this.ringing.get(callRef);
    if (alert) this.deps.popups.show(alert, this.deps.alertSettings().autoDismissSeconds);
  }

  ringingAlert(callRef: string): Alert | undefined {
    return this.ringing.get(callRef);
  }

  /** Disconnected or quitting: nothing may stay on screen for a call we no longer track. */
  clear(): void {
    this.ringing.clear();
    this.deps.notifications.closeAll();
    this.deps.popups.closeAll();
    this.deps.drawAttention?.(false);
  }
}
