/**
 * Main process: the missed-call count on the app icon. macOS and Linux (Unity launchers) take a
 * badge count; Windows takes an overlay image on the taskbar button of each window, with the
 * count in its accessible description.
 */
import type { NativeImage } from 'electron';

export interface BadgeDeps {
  platform: string;
  setBadgeCount(count: number): boolean;
  /** Windows that have a taskbar button (the dashboard and settings, never a popup). */
  taskbarWindows(): ReadonlyArray<{
    setOverlayIcon(icon: NativeImage | null, description: string): void;
  }>;
  overlayImage(): NativeImage;
}

export class MissedCallBadge {
  private count = 0;

  constructor(private readonly deps: BadgeDeps) {}

  update(missedCalls: number): void {
    if (missedCalls === this.count) return;
    this.count = missedCalls;
    this.apply();
  }

  /** A window was opened: give its taskbar button the current overlay. */
  refresh(): void {
    if (this.count > 0) this.apply();
  }

  private apply(): void {
    if (this.deps.platform !== 'win32') {
      this.deps.setBadgeCount(this.count);
      return;
    }
    const description = this.count === 1 ? '1 missed call' : `${this.count} missed calls`;
    const icon = this.count > 0 ? this.deps.overlayImage() : null;
    for (const window of this.deps.taskbarWindows()) window.setOverlayIcon(icon, description);
  }
}
