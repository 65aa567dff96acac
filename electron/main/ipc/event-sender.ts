/**
 * Main process: the typed main -> renderer pushes of shared/ipc/channels.ts (EventMap). The only
 * place that calls `webContents.send`; windows that are gone are skipped, not crashed on.
 */
import type { EventChannel, EventMap } from '../../../shared/ipc/channels.js';

export interface EventTarget {
  readonly webContents: {
    send(channel: string, ...args: unknown[]): void;
    isDestroyed(): boolean;
  };
  isDestroyed(): boolean;
}

export function sendEvent<E extends EventChannel>(
  target: EventTarget,
  channel: E,
  payload: EventMap[E],
): void {
  if (target.isDestroyed() || target.webContents.isDestroyed()) return;
  target.webContents.send(channel, payload);
}

/** Sends one push to every open window (dashboard, settings and popups alike). */
export function broadcastEvent<E extends EventChannel>(
  targets: readonly EventTarget[],
  channel: E,
  payload: EventMap[E],
): void {
  for (const target of targets) sendEvent(target, channel, payload);
}
