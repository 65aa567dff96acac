// The simulator's record of every request it answered (plain Node), with secrets redacted so a
// test may print it: subscription ids are masked, and headers (cookies, Authorization) are never
// recorded at all.
import type { Socket } from 'node:net';

export interface RequestLogEntry {
  readonly method: string;
  /** Path and query, subscription ids replaced by `<redacted>`. */
  readonly path: string;
  /** HTTP status; 0 when the simulator reset the connection instead of answering. */
  readonly status: number;
  /** Which socket carried the request: equal numbers mean a reused keep-alive connection. */
  readonly connection: number;
  readonly port: 'rest' | 'event';
  /** Date.now() when the answer started. */
  readonly at: number;
}

const REDACTED = '<redacted>';

export function redactPath(rawPath: string): string {
  return rawPath
    .replace(/([?&]subscriptionId=)[^&#]*/gi, `$1${REDACTED}`)
    .replace(/(\/subscriptions\/)[^/?#]+/gi, `$1${REDACTED}`)
    .replace(/([?&](?:password|pwd|cookie|AlcUserId)=)[^&#]*/gi, `$1${REDACTED}`);
}

export class RequestLog {
  readonly entries: RequestLogEntry[] = [];
  private readonly socketIds = new WeakMap<Socket, number>();
  private nextSocketId = 1;
  private readonly listeners = new Set<(entry: RequestLogEntry) => void>();

  connectionId(socket: Socket): number {
    let id = this.socketIds.get(socket);
    if (id === undefined) {
      id = this.nextSocketId++;
      this.socketIds.set(socket, id);
    }
    return id;
  }

  record(entry: Omit<RequestLogEntry, 'path' | 'at'> & { rawPath: string }): void {
    const { rawPath, ...rest } = entry;
    const recorded: RequestLogEntry = { ...rest, path: redactPath(rawPath), at: Date.now() };
    this.entries.push(recorded);
    for (const listener of this.listeners) listener(recorded);
  }

  onEntry(listener: (entry: RequestLogEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
