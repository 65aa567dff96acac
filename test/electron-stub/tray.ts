/**
 * Test-only: Tray, Menu, nativeImage and Notification of the Electron stub. Records every image,
 * tooltip, menu and notification, and lets tests click a menu item or a notification the way a
 * user would.
 */
import { EventEmitter } from 'node:events';
import type * as Electron from 'electron';
import { assertReady, resetHooks } from './state.js';

export class NativeImageStub {
  constructor(readonly path: string) {}

  isEmpty(): boolean {
    return this.path === '';
  }

  setTemplateImage(_option: boolean): void {}
}

export const nativeImage = {
  createFromPath(path: string): NativeImageStub {
    return new NativeImageStub(path);
  },
  createEmpty(): NativeImageStub {
    return new NativeImageStub('');
  },
};

export class Menu {
  constructor(readonly items: Electron.MenuItemConstructorOptions[]) {}

  static buildFromTemplate(template: Electron.MenuItemConstructorOptions[]): Menu {
    return new Menu(template);
  }
}

export const trayRecord = {
  /** Makes `new Tray()` throw, like a Linux session without a status notifier host. */
  failCreate: false,
  created: [] as Tray[],
};

export class Tray extends EventEmitter {
  images: string[] = [];
  tooltips: string[] = [];
  menus: Menu[] = [];
  destroyed = false;

  constructor(image: NativeImageStub | string) {
    super();
    assertReady('Tray');
    if (trayRecord.failCreate) throw new Error('Stub: no system tray on this desktop');
    this.images.push(typeof image === 'string' ? image : image.path);
    trayRecord.created.push(this);
  }

  setImage(image: NativeImageStub | string): void {
    this.images.push(typeof image === 'string' ? image : image.path);
  }

  setToolTip(toolTip: string): void {
    this.tooltips.push(toolTip);
  }

  setContextMenu(menu: Menu | null): void {
    if (menu) this.menus.push(menu);
  }

  destroy(): void {
    this.destroyed = true;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  get lastMenu(): Menu | undefined {
    return this.menus.at(-1);
  }
}

const _trayShape = Tray.prototype satisfies Partial<
  Omit<Electron.Tray, keyof EventEmitter | 'setImage' | 'setContextMenu'>
>;
void _trayShape;

/** Clicks the item of the tray's current menu whose label starts with `label`. */
export function clickTrayMenuItem(tray: Tray, label: string): void {
  const item = tray.lastMenu?.items.find((entry) => entry.label?.startsWith(label));
  if (!item) throw new Error(`No tray menu item "${label}"`);
  if (!item.click) throw new Error(`Tray menu item "${label}" has no click handler`);
  if (item.enabled === false) throw new Error(`Tray menu item "${label}" is disabled`);
  const click = item.click as unknown as (
    menuItem: unknown,
    window: unknown,
    event: unknown,
  ) => void;
  click({ checked: !item.checked }, undefined, {});
}

export const notificationRecord = {
  created: [] as Notification[],
  supported: true,
};

export class Notification extends EventEmitter {
  shown = 0;
  closed = false;

  constructor(readonly options: Electron.NotificationConstructorOptions) {
    super();
    assertReady('Notification');
    if (!options.title) throw new TypeError('Stub Notification: a title is required');
    notificationRecord.created.push(this);
  }

  static isSupported(): boolean {
    return notificationRecord.supported;
  }

  show(): void {
    this.shown += 1;
    this.emit('show', {});
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.emit('close', {});
  }
}

const _notificationShape = Notification.prototype satisfies Partial<
  Omit<Electron.Notification, keyof EventEmitter>
>;
void _notificationShape;

/** Simulates the user clicking a shown notification. */
export function clickNotification(notification: Notification): void {
  if (notification.shown === 0) throw new Error('Clicked a notification that was never shown');
  notification.emit('click', {});
}

resetHooks.push(() => {
  trayRecord.failCreate = false;
  trayRecord.created = [];
  notificationRecord.created = [];
  notificationRecord.supported = true;
});
