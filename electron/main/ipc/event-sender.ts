/**
 * Main process: the typed main -> renderer pushes of shared/ipc/channels.ts (EventMap). The only
 * place that calls `webContents.send`; windows that are gone are skipped, not crashed on.
 */
import type { EventChannel, EventMap } from '../../../shared/ipc/channels.js';

export interface EventReceiver {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

export interface EventTarget {
  readonly webContents: EventReceiver;
  isDestroyed(): boolean;
}

/** Pushes to one renderer, e.g. the settings window that asked for "Test connection". */
export function sendToContents<E extends EventChannel>(
  contents: EventReceiver,
  channel: E,
  payload: EventMap[E],
): void {
  if (!contents.isDestroyed()) contents.send(channel, payload);
}

export function sendEvent<E extends EventChannel>(
  target: EventTarget,
  channel: E,
  payload: EventMap[E],
): void {
  if (!target.isDestroyed()) sendToContents(target.webContents, channel, payload);
}

/** Sends one push to every open window (dashboard, settings and popups alike). */
export function broadcastEvent<E extends EventChannel>(
  targets: readonly EventTarget[],
  channel: E,
  payload: EventMap[E],
): void {
  for (const target of targets) sendEvent(target, channel, payload);
}
