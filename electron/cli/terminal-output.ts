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
  return (
    `[${view.tray.toUpperCase()}] ${who}${phone} | missed ${counters.missedCalls}, ` +
    `voicemail ${counters.voiceMessages}${view.dnd ? ' | DND' : ''} | ${link}` +
    countdown(connection.nextAttemptAt, now)
  );
}

/** Rounded up: "retry in 0 s" would read as a tight loop while the wait is still ahead. */
function countdown(nextAttemptAt: number | undefined, now: number): string {
  if (nextAttemptAt === undefined) return '';
  const left = nextAttemptAt - now;
  return left > 0 ? `, retry in ${Math.ceil(left / 1000)} s` : ', retrying now';
}

/** How long printed (non-terminal) output waits for a burst of view changes to end. */
const SETTLE_MS = 150;

/** What to do about a status, said once when it starts (the status line has no room for it). */
const STATUS_HINTS: Partial<Record<string, string>> = {
  'certificate-untrusted':
    'hint: trust the company CA with --ca FILE (o2g-presence doctor names the CA to ask for)',
};

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

/**
 * Writes the call log and keeps the status line as the last line of a terminal. Without a
 * terminal a line is printed only for news: the countdown ticking down is none, a new attempt
 * scheduled (or anything else in the line changing) is.
 */
export class TerminalReporter {
  private lastStatus = '';
  /** Without a terminal: the printed line minus its countdown, plus which attempt it waits for. */
  private lastNews = '';
  private view: PresenceView | undefined;
  private pending: NodeJS.Timeout | undefined;

  constructor(
    private readonly out: NodeJS.WriteStream,
    private readonly now: () => number = Date.now,
    private readonly settleMs = SETTLE_MS,
  ) {}

  alert(change: AlertChange): void {
    this.clearStatus();
    this.out.write(`${callLogLine(change, new Date(this.now()))}\n`);
    this.schedule();
  }

  update(view: PresenceView): void {
    const hint = STATUS_HINTS[view.connection.status];
    if (hint && view.connection.status !== this.view?.connection.status) {
      this.clearStatus();
      this.out.write(`${hint}\n`);
    }
    this.view = view;
    this.schedule();
  }

  /** Refreshes the countdown of a pending retry. */
  tick(): void {
    if (this.view?.connection.nextAttemptAt !== undefined) this.schedule();
  }

  /** Draws a status line still waiting to settle, now. */
  flush(): void {
    if (this.pending === undefined) return;
    clearTimeout(this.pending);
    this.pending = undefined;
    this.redraw();
  }

  finish(): void {
    this.flush();
    if (this.out.isTTY && this.lastStatus) this.out.write('\n');
  }

  /**
   * One status line per burst of changes: a missed call is a call removed, then the missed
   * counter raised, two events and two views a few milliseconds apart (often in separate stream
   * chunks); a reader wants only where they lead. Printed lines wait for the burst to settle;
   * a terminal's line is redrawn in place, so there it only waits for the end of the tick.
   */
  private schedule(): void {
    this.pending ??= setTimeout(
      () => {
        this.pending = undefined;
        this.redraw();
      },
      this.out.isTTY ? 0 : this.settleMs,
    ).unref();
  }

  private redraw(): void {
    if (!this.view) return;
    const line = statusLine(this.view, this.now());
    if (this.out.isTTY) {
      const width = this.out.columns || 100;
      this.out.write(`\r\x1b[2K${line.slice(0, width - 1)}`);
    } else {
      const { nextAttemptAt } = this.view.connection;
      const news = `${statusLine(this.view, nextAttemptAt ?? 0)}@${nextAttemptAt ?? ''}`;
      if (news !== this.lastNews) this.out.write(`${line}\n`);
      this.lastNews = news;
    }
    this.lastStatus = line;
  }

  private clearStatus(): void {
    if (this.out.isTTY && this.lastStatus) this.out.write('\r\x1b[2K');
  }
}
