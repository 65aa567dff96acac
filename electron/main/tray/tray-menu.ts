/**
 * Main process (pure logic, no Electron value imported): the tray's context menu as a template
 * built from the presence view. Open and Quit are always present because some Linux desktops
 * never deliver a click on the tray icon itself.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { PresenceView } from '../../../shared/presence/types.js';

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

export function trayMenuModel(view: PresenceView, startAtLogin: boolean): TrayMenuModel {
  return {
    status: view.tooltip,
    missedCalls: view.counters.missedCalls,
    voiceMessages: view.counters.voiceMessages,
    dnd: view.dnd,
    dndAvailable: view.connection.status === 'online',
    startAtLogin,
  };
}

function countLabel(count: number, one: string, many: string): string {
  return count === 1 ? `1 ${one}` : `${count} ${many}`;
}

export function trayMenuTemplate(
  model: TrayMenuModel,
  actions: TrayMenuActions,
): MenuItemConstructorOptions[] {
  return [
    { label: model.status, enabled: false },
    {
      label: countLabel(model.missedCalls, 'missed call', 'missed calls'),
      click: () => actions.openDashboard(),
    },
    {
      label: countLabel(model.voiceMessages, 'voice message', 'voice messages'),
      click: () => actions.openDashboard(),
    },
    { type: 'separator' },
    {
      label: 'Do not disturb',
      type: 'checkbox',
      checked: model.dnd,
      enabled: model.dndAvailable,
      click: (item) => actions.setDnd(item.checked),
    },
    { type: 'separator' },
    { label: 'Open', click: () => actions.openDashboard() },
    { label: 'Settings', click: () => actions.openSettings() },
    {
      label: 'Start at login',
      type: 'checkbox',
      checked: model.startAtLogin,
      click: (item) => actions.setStartAtLogin(item.checked),
    },
    { label: 'Open log folder', click: () => actions.openLogFolder() },
    { type: 'separator' },
    { label: 'Quit', click: () => actions.quit() },
  ];
}

/** Same model, same menu: lets the tray skip rebuilding a menu nothing changed in. */
export function sameMenuModel(a: TrayMenuModel | null, b: TrayMenuModel): boolean {
  return a !== null && (Object.keys(b) as Array<keyof TrayMenuModel>).every((k) => a[k] === b[k]);
}
