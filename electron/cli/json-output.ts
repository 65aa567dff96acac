/**
 * The `--json` output of `o2g-presence watch` (plain Node, terminal): one JSON object per line,
 * one per change, with stable keys documented in the README (connection, tray, alert,
 * counters). Alert title and body are exactly the desktop notification's.
 */
import { notificationText } from '../../shared/presence/index.js';
import type { AlertChange, PresenceView } from '../../shared/presence/index.js';

export type JsonLine =
  | { type: 'connection'; status: string; reason: string | null }
  | { type: 'tray'; state: string; tooltip: string }
  | { type: 'alert'; action: 'show'; callRef: string; title: string; body: string }
  | { type: 'alert'; action: 'close'; callRef: string; reason: string }
  | { type: 'counters'; missedCalls: number; voiceMessages: number };

/** Turns engine notifications into JSON lines, emitting each kind only when it changed. */
export class JsonReporter {
  private last: { connection?: string; tray?: string; counters?: string } = {};

  constructor(private readonly write: (line: string) => void) {}

  alert(change: AlertChange): void {
    if (change.action === 'show') {
      const { title, body } = notificationText(change.alert);
      this.emit({ type: 'alert', action: 'show', callRef: change.alert.callRef, title, body });
    } else {
      this.emit({ type: 'alert', action: 'close', callRef: change.callRef, reason: change.reason });
    }
  }

  view(view: PresenceView): void {
    this.emitIfChanged('connection', {
      type: 'connection',
      status: view.connection.status,
      reason: view.connection.reason ?? null,
    });
    this.emitIfChanged('tray', { type: 'tray', state: view.tray, tooltip: view.tooltip });
    this.emitIfChanged('counters', {
      type: 'counters',
      missedCalls: view.counters.missedCalls,
      voiceMessages: view.counters.voiceMessages,
    });
  }

  private emitIfChanged(kind: 'connection' | 'tray' | 'counters', line: JsonLine): void {
    const text = JSON.stringify(line);
    if (this.last[kind] === text) return;
    this.last[kind] = text;
    this.write(text);
  }

  private emit(line: JsonLine): void {
    this.write(JSON.stringify(line));
  }
}
