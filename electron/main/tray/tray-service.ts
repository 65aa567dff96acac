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
import type { TrayWords } from './tray-words.js';
import { TRAY_WORDS } from './tray-words.js';

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
  /** The tray's language at start; setWords() changes it. Default English. */
  words?: TrayWords;
}

export class TrayService {
  private tray: TrayIcon | null = null;
  private state: TrayState | null = null;
  private tooltip: string | null = null;
  private menuModel: TrayMenuModel | null = null;
  private startAtLogin = false;
  private lastView: PresenceView | null = null;
  private words: TrayWords;

  constructor(private readonly deps: TrayServiceDeps) {
    this.words = deps.words ?? TRAY_WORDS.en;
  }

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
    const tooltip = this.words.tooltip(view);
    if (tooltip !== this.tooltip) {
      tray.setToolTip(tooltip);
      this.tooltip = tooltip;
    }

    const model = trayMenuModel(view, this.startAtLogin, this.words);
    if (!sameMenuModel(this.menuModel, model)) {
      const template = trayMenuTemplate(model, this.deps.actions, this.words);
      tray.setContextMenu(this.deps.buildMenu(template));
      this.menuModel = model;
    }
  }

  /** The user changed the language: every word of the tray is said again. */
  setWords(words: TrayWords): void {
    if (words === this.words) return;
    this.words = words;
    this.tooltip = null;
    this.menuModel = null;
    if (this.lastView) this.update(this.lastView);
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
