/**
 * The human output of `o2g-presence watch` (plain Node, terminal): a log of calls (ringing from
 * whom, answered, missed) scrolling above one live status line (tray state, user, counters,
 * connection). Without a terminal the status line is printed only when it changes.
 */
import { notificationText } from '../../shared/presence/index.js';
import type { AlertChange, PresenceView } from '../../shared/presence/index.js';
import { printable } from './printable.js';

const CLOSE_WORDS: Record<string, string> = {
  answered: 'answered',
  'answered-elsewhere': 'answered on another phone',
  missed: 'missed',
  ended: 'ended',
  'connection-lost': 'no longer followed: connection lost',
};

const CONNECTION_WORDS: Record<string, string> = {
  stopped: 'stopped',
  connecting: 'connecting',
  online: 'online',
  reconnecting: 'reconnecting',
  'wrong-credentials': 'wrong login or password',
  'certificate-untrusted': 'certificate not trusted',
  unreachable: 'gateway unreachable',
  'event-port-unreachable': 'event port unreachable',
};

/** Every field interpolated below that the gateway could have supplied goes through printable(). */
export function statusLine(view: PresenceView, now: number): string {
  const user = view.user;
  const who = user
    ? printable([user.firstName, user.lastName].filter(Boolean).join(' ') || user.loginName)
    : 'not signed in';
  const phone = user?.companyPhone ? ` (${printable(user.companyPhone)})` : '';
  const { connection, counters } = view;
  let link = CONNECTION_WORDS[connection.status] ?? printable(connection.status);
  if (connection.reason && connection.status !== 'online') {
    const reason = printable(connection.reason);
    // The engine's reason often already starts with the status words: say them once.
    link = reason.toLowerCase().startsWith(link) ? reason : `${link}: ${reason}`;
  }
  if (connection.nextAttemptAt !== undefined) {
    link += `, retry in ${Math.max(0, Math.round((connection.nextAttemptAt - now) / 1000))} s`;
  }
  return (
    `[${view.tray.toUpperCase()}] ${who}${phone} | missed ${counters.missedCalls}, ` +
    `voicemail ${counters.voiceMessages}${view.dnd ? ' | DND' : ''} | ${link}`
  );
}

export function callLogLine(change: AlertChange, time: Date): string {
  const clock = time.toTimeString().slice(0, 8);
  if (change.action === 'show') {
    const { title, body } = notificationText(change.alert);
    // The body's own line breaks (number, "via") become commas; any other is guarded away.
    const detail = body ? ` (${body.split('\n').map(printable).join(', ')})` : '';
    const callRef = printable(change.alert.callRef);
    return `${clock}  ringing from ${printable(title)}${detail}  [call ${callRef}]`;
  }
  const reason = CLOSE_WORDS[change.reason] ?? printable(change.reason);
  return `${clock}  ${reason}  [call ${printable(change.callRef)}]`;
}

/** Writes the call log and keeps the status line as the last line of a terminal. */
export class TerminalReporter {
  private lastStatus = '';
  private view: PresenceView | undefined;

  constructor(
    private readonly out: NodeJS.WriteStream,
    private readonly now: () => number = Date.now,
  ) {}

  alert(change: AlertChange): void {
    this.clearStatus();
    this.out.write(`${callLogLine(change, new Date(this.now()))}\n`);
    this.redraw();
  }

  update(view: PresenceView): void {
    this.view = view;
    this.redraw();
  }

  /** Refreshes the countdown of a pending retry. */
  tick(): void {
    if (this.view?.connection.nextAttemptAt !== undefined) this.redraw();
  }

  finish(): void {
    if (this.out.isTTY && this.lastStatus) this.out.write('\n');
  }

  private redraw(): void {
    if (!this.view) return;
    const line = statusLine(this.view, this.now());
    if (this.out.isTTY) {
      const width = this.out.columns || 100;
      this.out.write(`\r\x1b[2K${line.slice(0, width - 1)}`);
    } else if (line !== this.lastStatus) {
      this.out.write(`${line}\n`);
    }
    this.lastStatus = line;
  }

  private clearStatus(): void {
    if (this.out.isTTY && this.lastStatus) this.out.write('\r\x1b[2K');
  }
}
