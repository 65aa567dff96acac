/**
 * Main process: one small popup window per ringing call. Shown without taking focus, above
 * everything (the taskbar included), out of the taskbar, stacked in a corner of the display
 * the user is on. A popup goes away when the user dismisses it, when its auto-dismiss delay
 * runs out, or when the call stops ringing (answered, answered elsewhere, missed, ended).
 */
import type { Alert, AlertCloseReason } from '../../../shared/presence/types.js';
import type { Logger } from '../../gateway/log.js';
import type { DisplayArea, Rect } from './popup-placement.js';
import { cornerFor, placePopup } from './popup-placement.js';
import type { WindowChrome } from './secure-window.js';

// The renderer lays the popup card out for exactly this size (renderer/popup, browser tests).
export const POPUP_SIZE = { width: 340, height: 120 } as const;

export interface PopupWindow {
  showInactive(): void;
  close(): void;
  isDestroyed(): boolean;
  setBounds(bounds: Partial<Rect>): void;
  setAlwaysOnTop(flag: boolean, level?: 'screen-saver'): void;
  setVisibleOnAllWorkspaces(visible: boolean, options?: { visibleOnFullScreen?: boolean }): void;
  loadURL(url: string): Promise<void>;
  once(event: 'closed', listener: () => void): unknown;
}

export interface CallPopupDeps {
  createWindow(chrome: WindowChrome): PopupWindow;
  screen: {
    getAllDisplays(): readonly DisplayArea[];
    getCursorScreenPoint(): { x: number; y: number };
  };
  platform: string;
  urlFor(callRef: string): string;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
  log: Logger;
}

interface OpenPopup {
  readonly window: PopupWindow;
  timer: unknown;
}

export class CallPopups {
  private readonly open = new Map<string, OpenPopup>();
  /** Where the cursor was when the current stack began: the stack stays on that display. */
  private anchor: { x: number; y: number } | null = null;

  constructor(private readonly deps: CallPopupDeps) {}

  /** Opens (or re-shows) the popup of a ringing call. */
  show(alert: Alert, autoDismissSeconds: number): void {
    const existing = this.open.get(alert.callRef);
    if (existing && !existing.window.isDestroyed()) {
      existing.window.showInactive();
      return;
    }

    this.anchor ??= this.deps.screen.getCursorScreenPoint();
    const window = this.deps.createWindow(
      popupChrome(this.deps.platform, this.placeSlot(this.open.size)),
    );
    // 'screen-saver' is the level that stays above the Windows taskbar and macOS menu bar.
    window.setAlwaysOnTop(true, 'screen-saver');
    // On every virtual desktop, and over a full-screen app: a call must be seen where the user is.
    if (this.deps.platform !== 'win32') {
      window.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true });
    }
    const entry: OpenPopup = { window, timer: null };
    this.open.set(alert.callRef, entry);
    window.once('closed', () => this.forget(alert.callRef, entry));

    if (autoDismissSeconds > 0) {
      entry.timer = this.deps.setTimer(
        () => this.dismiss(alert.callRef),
        autoDismissSeconds * 1000,
      );
    }
    window.loadURL(this.deps.urlFor(alert.callRef)).then(
      () => {
        if (!window.isDestroyed()) window.showInactive();
      },
      (error: unknown) => this.deps.log.error('Call popup failed to load', { error }),
    );
  }

  /** The user dismissed it (click, a button, the delay): the phone itself keeps ringing. */
  dismiss(callRef: string): void {
    const entry = this.open.get(callRef);
    if (!entry) return;
    this.forget(callRef, entry);
    if (!entry.window.isDestroyed()) entry.window.close();
  }

  /** The call stopped ringing for this user. */
  closeForAlert(callRef: string, reason: AlertCloseReason): void {
    if (this.open.has(callRef)) this.deps.log.info('Call popup closed by the call', { reason });
    this.dismiss(callRef);
  }

  closeAll(): void {
    for (const callRef of [...this.open.keys()]) this.dismiss(callRef);
  }

  callRefs(): string[] {
    return [...this.open.keys()];
  }

  private forget(callRef: string, entry: OpenPopup): void {
    if (this.open.get(callRef) !== entry) return;
    if (entry.timer !== null) this.deps.clearTimer(entry.timer);
    this.open.delete(callRef);
    this.restack();
  }

  /** Closes the gaps a closed popup left, oldest popup in the corner. */
  private restack(): void {
    if (this.open.size === 0) {
      this.anchor = null;
      return;
    }
    let slot = 0;
    for (const { window } of this.open.values()) {
      if (!window.isDestroyed()) window.setBounds(this.placeSlot(slot));
      slot += 1;
    }
  }

  private placeSlot(slot: number): Rect {
    return placePopup({
      displays: this.deps.screen.getAllDisplays(),
      cursor: this.anchor ?? this.deps.screen.getCursorScreenPoint(),
      size: POPUP_SIZE,
      slot,
      corner: cornerFor(this.deps.platform),
    });
  }
}

function popupChrome(platform: string, bounds: Rect): WindowChrome {
  return {
    ...bounds,
    show: false,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    // On Linux a non-focusable window leaves the window manager's control (and some drop its
    // clicks); there showInactive() alone keeps the user's focus where it was.
    focusable: platform === 'linux',
    // macOS: the first click on a window that is not key must reach the buttons.
    acceptFirstMouse: true,
    title: 'Incoming call',
  };
}
