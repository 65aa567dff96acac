/**
 * Main process: the tray icon, built from the presence view with the tray object injected. The
 * image changes only when the tray state changes, the tooltip says the state in words, and the
 * menu is rebuilt only when something in it changed. When the desktop has no tray at all the
 * service logs it once and the app carries on without one.
 */
import type { Menu, MenuItemConstructorOptions } from 'electron';
import type { PresenceView, TrayState } from '../../../shared/presence/types.js';
import type { Logger } from '../../gateway/log.js';
import type { TrayMenuActions, TrayMenuModel } from './tray-menu.js';
import { sameMenuModel, trayMenuModel, trayMenuTemplate } from './tray-menu.js';

export interface TrayIcon {
  setImage(image: string): void;
  setToolTip(toolTip: string): void;
  setContextMenu(menu: Menu | null): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

export interface TrayServiceDeps {
  /** Creates the tray with its first image; may throw where the desktop has no tray. */
  createTray(imagePath: string): TrayIcon;
  buildMenu(template: MenuItemConstructorOptions[]): Menu;
  imageFor(state: TrayState): string;
  actions: TrayMenuActions;
  log: Logger;
}

export class TrayService {
  private tray: TrayIcon | null = null;
  private state: TrayState | null = null;
  private tooltip: string | null = null;
  private menuModel: TrayMenuModel | null = null;
  private startAtLogin = false;
  private lastView: PresenceView | null = null;

  constructor(private readonly deps: TrayServiceDeps) {}

  /** Creates the tray; false (and logged) when this desktop offers none. */
  start(view: PresenceView, startAtLogin: boolean): boolean {
    this.startAtLogin = startAtLogin;
    try {
      this.tray = this.deps.createTray(this.deps.imageFor(view.tray));
      this.state = view.tray;
    } catch (error) {
      this.deps.log.warn('No system tray on this desktop; the app runs without one', { error });
      this.tray = null;
      return false;
    }
    this.tray.on('click', () => this.deps.actions.openDashboard());
    this.update(view);
    return true;
  }

  get available(): boolean {
    return this.tray !== null;
  }

  update(view: PresenceView): void {
    this.lastView = view;
    const tray = this.tray;
    if (!tray) return;

    if (view.tray !== this.state) {
      tray.setImage(this.deps.imageFor(view.tray));
      this.state = view.tray;
    }
    if (view.tooltip !== this.tooltip) {
      tray.setToolTip(view.tooltip);
      this.tooltip = view.tooltip;
    }

    const model = trayMenuModel(view, this.startAtLogin);
    if (!sameMenuModel(this.menuModel, model)) {
      tray.setContextMenu(this.deps.buildMenu(trayMenuTemplate(model, this.deps.actions)));
      this.menuModel = model;
    }
  }

  /** What the menu's "Start at login" checkbox shows. */
  get startAtLoginShown(): boolean {
    return this.startAtLogin;
  }

  setStartAtLogin(on: boolean): void {
    this.startAtLogin = on;
    if (this.lastView) this.update(this.lastView);
  }

  destroy(): void {
    this.tray?.destroy();
    this.tray = null;
  }
}
