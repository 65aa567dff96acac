// One open event-channel response (plain Node): the "Chunk started" line, NDJSON events written
// in order, heartbeats, the subscription timeout, and the faults a test arms for the next event.
import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { splitLine, type StreamFaults } from './stream-faults.js';

export interface StreamSettings {
  lineEnding: string;
  heartbeatMs: number | null;
  /** 0 = the stream never times out. */
  timeoutMs: number;
  timeoutMode: 'inactivity' | 'lifetime';
  faults: StreamFaults;
  /** Gives an event back to the subscription (a cut with `requeue`). */
  requeue(line: Buffer): void;
  onClose(stream: EventStream): void;
}

export class EventStream {
  private chain: Promise<void> = Promise.resolve();
  private closed = false;
  private silent = false;
  private heartbeat: NodeJS.Timeout | undefined;
  private timeout: NodeJS.Timeout | undefined;
  private batch: { size: number; parts: Buffer[] } | undefined;

  constructor(
    private readonly res: ServerResponse,
    private readonly settings: StreamSettings,
  ) {
    res.on('close', () => this.finish());
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** Sends the headers and the first line, then the events queued while no stream was open. */
  start(queued: Buffer[]): void {
    this.res.writeHead(200, {
      'Content-Type': 'text/plain;charset=UTF-8',
      'Cache-Control': 'no-cache',
    });
    this.res.flushHeaders();
    this.enqueue(() => this.write(this.channelInfo('Chunk started')));
    for (const line of queued) this.deliver(line);
    if (this.settings.heartbeatMs !== null) {
      this.heartbeat = setInterval(() => {
        if (!this.silent) this.enqueue(() => this.write(this.channelInfo('keepalive')));
      }, this.settings.heartbeatMs);
    }
    this.armTimeout();
  }

  /** Writes one event line, applying an armed fault. A silenced stream swallows it. */
  deliver(line: Buffer): void {
    if (this.closed || this.silent) return;
    if (this.settings.timeoutMode === 'inactivity') this.armTimeout();

    const batchSize = this.batch ? 0 : this.settings.faults.takeBatch();
    if (batchSize > 1) this.batch = { size: batchSize, parts: [] };
    if (this.batch) {
      this.batch.parts.push(line);
      if (this.batch.parts.length < this.batch.size) return;
      const chunk = Buffer.concat(this.batch.parts);
      this.batch = undefined;
      this.enqueue(() => this.write(chunk));
      return;
    }

    const fault = this.settings.faults.takeFault();
    if (fault?.kind === 'split') {
      const pieces = splitLine(line, fault.offsets);
      this.enqueue(async () => {
        for (const [index, piece] of pieces.entries()) {
          if (index > 0 && fault.gapMs > 0) await sleep(fault.gapMs);
          await this.write(piece);
        }
      });
    } else if (fault?.kind === 'cut') {
      const at = Math.min(Math.max(fault.atByte ?? Math.floor(line.length / 2), 1), line.length);
      this.enqueue(async () => {
        await this.write(line.subarray(0, at));
        if (fault.requeue) this.settings.requeue(line);
        if (fault.how === 'reset') this.reset();
        else this.end();
      });
    } else {
      this.enqueue(() => this.write(line));
    }
  }

  /** Exact bytes as one chunk, no framing added, no fault applied. */
  writeRaw(bytes: Uint8Array): void {
    if (this.closed) return;
    this.enqueue(() => this.write(Buffer.from(bytes)));
  }

  /** Ends the response cleanly once everything already queued is written. */
  end(): void {
    this.enqueue(async () => {
      if (!this.closed) this.res.end();
    });
  }

  /** Ends the response now, dropping anything still queued (simulator shutdown). */
  terminate(): void {
    if (this.closed) return;
    this.res.end();
    this.finish();
  }

  /** Drops the connection with a TCP reset, immediately. */
  reset(): void {
    if (this.closed) return;
    this.res.socket?.resetAndDestroy();
    this.finish();
  }

  /** Keeps the socket open but writes nothing more, not even heartbeats. */
  silence(): void {
    this.silent = true;
    clearTimeout(this.timeout);
  }

  private channelInfo(text: string): Buffer {
    const line = JSON.stringify({ eventName: 'OnChannelInformation', text });
    return Buffer.from(line + this.settings.lineEnding, 'utf8');
  }

  private armTimeout(): void {
    clearTimeout(this.timeout);
    if (this.settings.timeoutMs <= 0) return;
    this.timeout = setTimeout(() => this.end(), this.settings.timeoutMs);
  }

  private enqueue(task: () => Promise<void>): void {
    this.chain = this.chain.then(task).catch(() => this.reset());
  }

  private write(bytes: Buffer): Promise<void> {
    // A silenced stream also drops what was queued before the fault: nothing reaches the wire.
    if (this.closed || this.silent || bytes.length === 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.res.write(bytes, () => resolve());
    });
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    clearTimeout(this.timeout);
    this.settings.onClose(this);
  }
}
