// Fault knobs for the event streams (plain Node): the next event split at byte offsets or byte by
// byte, several events in one chunk, a cut in the middle of an event. Each is armed once and
// taken by the first stream that writes an event.

export interface SplitFault {
  kind: 'split';
  /** Byte offsets into the encoded line (terminator included) where a new chunk starts. */
  offsets: number[] | 'bytewise';
  /** Pause between chunks so that they usually arrive as separate reads. */
  gapMs: number;
}

export interface CutFault {
  kind: 'cut';
  /** Bytes of the event written before the connection drops; default half of it. */
  atByte: number | undefined;
  /** 'reset' destroys the socket; 'end' finishes the HTTP response cleanly mid-line. */
  how: 'reset' | 'end';
  /** Give the event back to the subscription's queue so the next stream delivers it whole. */
  requeue: boolean;
}

export type EventFault = SplitFault | CutFault;

export class StreamFaults {
  private readonly pending: EventFault[] = [];
  /** Number of events still to be gathered into one chunk, when batching is armed. */
  private batchSize = 0;

  arm(fault: EventFault): void {
    this.pending.push(fault);
  }

  armBatch(count: number): void {
    if (!Number.isInteger(count) || count < 1) throw new Error('batchNext needs a count >= 1.');
    this.batchSize = count;
  }

  takeFault(): EventFault | undefined {
    return this.pending.shift();
  }

  takeBatch(): number {
    const size = this.batchSize;
    this.batchSize = 0;
    return size;
  }

  clear(): void {
    this.pending.length = 0;
    this.batchSize = 0;
  }
}

/** Cuts a line into the chunks a split fault asks for (empty pieces are dropped). */
export function splitLine(line: Buffer, offsets: number[] | 'bytewise'): Buffer[] {
  if (offsets === 'bytewise') {
    return Array.from({ length: line.length }, (_, i) => line.subarray(i, i + 1));
  }
  const cuts = [...new Set(offsets)]
    .filter((offset) => offset > 0 && offset < line.length)
    .sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let start = 0;
  for (const cut of [...cuts, line.length]) {
    pieces.push(line.subarray(start, cut));
    start = cut;
  }
  return pieces;
}
