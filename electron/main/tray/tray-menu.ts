/**
 * Main process (pure logic, no Electron value imported): the tray's context menu as a template
 * built from the presence view. Open and Quit are always present because some Linux desktops
 * never deliver a click on the tray icon itself.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { PresenceView } from '../../../shared/presence/types.js';
import type { TrayWords } from './tray-words.js';

export interface TrayMenuModel {
  readonly status: string;
  readonly missedCalls: number;
  readonly voiceMessages: number;
  readonly dnd: boolean;
  /** DND can only be changed while connected to the gateway. */
  readonly dndAvailable: boolean;
  readonly startAtLogin: boolean;
}

export interface TrayMenuActions {
  openDashboard(): void;
  openSettings(): void;
  setDnd(on: boolean): void;
  setStartAtLogin(on: boolean): void;
  openLogFolder(): void;
  quit(): void;
}

export function trayMenuModel(
  view: PresenceView,
  startAtLogin: boolean,
  words: TrayWords,
): TrayMenuModel {
  return {
    status: words.tooltip(view),
    missedCalls: view.counters.missedCalls,
    voiceMessages: view.counters.voiceMessages,
    dnd: view.dnd,
    dndAvailable: view.connection.status === 'online',
    startAtLogin,
  };
}

export function trayMenuTemplate(
  model: TrayMenuModel,
  actions: TrayMenuActions,
  words: TrayWords,
): MenuItemConstructorOptions[] {
  return [
    { label: model.status, enabled: false },
    { label: words.missedCalls(model.missedCalls), click: () => actions.openDashboard() },
    { label: words.voiceMessages(model.voiceMessages), click: () => actions.openDashboard() },
    { type: 'separator' },
    {
      label: words.dnd,
      type: 'checkbox',
      checked: model.dnd,
      enabled: model.dndAvailable,
      click: (item) => actions.setDnd(item.checked),
    },
    { type: 'separator' },
    { label: words.open, click: () => actions.openDashboard() },
    { label: words.settings, click: () => actions.openSettings() },
    {
      label: words.startAtLogin,
      type: 'checkbox',
      checked: model.startAtLogin,
      click: (item) => actions.setStartAtLogin(item.checked),
    },
    { label: words.openLogFolder, click: () => actions.openLogFolder() },
    { type: 'separator' },
    { label: words.quit, click: () => actions.quit() },
  ];
}

/** Same model, same menu: lets the tray skip rebuilding a menu nothing changed in. */
export function sameMenuModel(a: TrayMenuModel | null, b: TrayMenuModel): boolean {
  return a !== null && (Object.keys(b) as Array<keyof TrayMenuModel>).every((k) => a[k] === b[k]);
}
