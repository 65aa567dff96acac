/**
 * Keeping the session alive (plain Node, protocol §3.2): POST {sessions}/keepalive well inside
 * the session's timeToLive. A non-2xx answer means the session is gone; a network error says
 * nothing about the session and is left to the stream to notice.
 */
import { GatewayError } from './errors.js';
import type { GatewayHttp } from './http.js';
import type { Logger } from './log.js';

export type SessionCheck = 'alive' | 'gone' | 'unknown';

/** Never more than half the TTL, never more than 5 minutes, never less than 1 s. */
export function keepaliveIntervalMs(timeToLiveSeconds: number): number {
  return Math.max(1_000, Math.min((timeToLiveSeconds * 1000) / 2, 5 * 60_000));
}

export async function sendKeepalive(
  http: GatewayHttp,
  sessionsUrl: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<SessionCheck> {
  const url = `${sessionsUrl.replace(/\/+$/, '')}/keepalive`;
  try {
    const response = await http.send('POST', url, { timeoutMs, signal });
    return response.status >= 200 && response.status <= 299 ? 'alive' : 'gone';
  } catch (error) {
    if (error instanceof GatewayError && error.kind === 'aborted') throw error;
    return 'unknown';
  }
}

/** Sends a keepalive on a timer until stopped; reports a rejected one once. */
export class SessionKeepalive {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly http: GatewayHttp,
    private readonly sessionsUrl: string,
    private readonly intervalMs: number,
    private readonly onGone: () => void,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.beat(), this.intervalMs);
    this.timer.unref();
  }

  private async beat(): Promise<void> {
    const result = await sendKeepalive(this.http, this.sessionsUrl, 10_000).catch(
      () => 'unknown' as const,
    );
    if (this.stopped) return;
    if (result === 'gone') {
      this.log.warn('keepalive rejected: the session is gone');
      this.stopped = true;
      this.onGone();
      return;
    }
    if (result === 'unknown') this.log.warn('keepalive got no answer; trying again');
    this.schedule();
  }
}
