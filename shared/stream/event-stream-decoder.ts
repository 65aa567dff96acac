/**
 * The event stream decoder: bytes of the O2G event channel in (any chunking), events out.
 * Pure code; the engine feeds it each read of the long-polling response.
 *
 * Framing (protocol §5.3): one JSON object per line, `\n` or `\r\n`; events do not align with
 * reads, so a partial line and a partial UTF-8 character are carried to the next `push`.
 * Work stays linear however the bytes are cut: new text is scanned once for a newline and a
 * partial line is kept as a list of pieces, joined once when its newline arrives.
 */
import { parseEvent } from '../events/event.js';
import type { MalformedReason, O2gEvent } from '../events/event.js';
import { createUtf8StreamDecoder } from './utf8.js';
import type { Utf8StreamDecoder } from './utf8.js';

/** What is reported about a skipped line: never its content, which may hold caller data. */
export interface MalformedLine {
  readonly reason: MalformedReason;
  /** Length of the line in UTF-16 code units (for an over-long line: when it was cut off). */
  readonly length: number;
}

export interface EventStreamDecoderOptions {
  /** Called once per skipped line; the stream goes on. */
  readonly onMalformed?: (line: MalformedLine) => void;
  /** Longest accepted line in UTF-16 code units; longer ones are dropped and reported. */
  readonly maxLineLength?: number;
}

/** 4 Mi code units: far above any real event (a few KB), low enough to bound memory. */
export const DEFAULT_MAX_LINE_LENGTH = 4 * 1024 * 1024;

/** Pieces are folded into one block this often, so a line fed byte by byte stays compact. */
const PIECES_PER_BLOCK = 1024;

const STREAM = { stream: true } as const;
const OPEN_BRACE = 0x7b;

/**
 * Usage, one instance per engine: `push(chunk)` for each read returns the events completed by it,
 * in order; `end()` when the response ends cleanly flushes a last line without terminator;
 * `reset()` when a connection is dropped discards everything so no byte leaks into the next one.
 * After `end()` or `reset()` the decoder is ready for a new connection.
 */
export class EventStreamDecoder {
  readonly #onMalformed: (line: MalformedLine) => void;
  readonly #maxLineLength: number;
  #utf8: Utf8StreamDecoder = createUtf8StreamDecoder();
  /** Joined runs of pieces of the partial line. */
  #blocks: string[] = [];
  /** Text of the partial line since the last block. */
  #pieces: string[] = [];
  #pendingLength = 0;
  /** Inside an over-long line (already reported): its text is dropped up to its newline. */
  #discarding = false;

  constructor(options: EventStreamDecoderOptions = {}) {
    const report = options.onMalformed ?? (() => undefined);
    this.#onMalformed = (line) => {
      try {
        report(line);
      } catch {
        // A failing reporter must not cost the events after the bad line.
      }
    };
    this.#maxLineLength = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  }

  /** Feeds one read; returns the events whose line ended in it. */
  push(chunk: Uint8Array): O2gEvent[] {
    const events: O2gEvent[] = [];
    this.#consume(this.#utf8.decode(chunk, STREAM), events);
    return events;
  }

  /** The stream ended cleanly: decodes what is held back and parses a last unterminated line. */
  end(): O2gEvent[] {
    const events: O2gEvent[] = [];
    // Flushing turns an incomplete trailing character into U+FFFD rather than dropping it.
    this.#consume(this.#utf8.decode(), events);
    if (!this.#discarding && this.#pendingLength > 0) this.#emitLine(this.#takePartial(), events);
    this.reset();
    return events;
  }

  /** Forgets the partial line and any held-back bytes: the next push starts a new stream. */
  reset(): void {
    this.#utf8 = createUtf8StreamDecoder();
    this.#blocks = [];
    this.#pieces = [];
    this.#pendingLength = 0;
    this.#discarding = false;
  }

  #consume(text: string, events: O2gEvent[]): void {
    let start = 0;
    let newline = text.indexOf('\n');
    while (newline !== -1) {
      if (this.#discarding) {
        this.#discarding = false;
      } else if (this.#pendingLength > 0) {
        this.#keep(text.slice(start, newline));
        if (!this.#discarding) this.#emitLine(this.#takePartial(), events);
        this.#discarding = false;
      } else {
        this.#emitLine(text.slice(start, newline), events);
      }
      start = newline + 1;
      newline = text.indexOf('\n', start);
    }
    if (start < text.length && !this.#discarding) {
      this.#keep(start === 0 ? text : text.slice(start));
    }
  }

  /** Adds text to the partial line, or starts discarding it when it grows too long. */
  #keep(text: string): void {
    this.#pendingLength += text.length;
    if (this.#pendingLength > this.#maxLineLength) {
      this.#onMalformed({ reason: 'line-too-long', length: this.#pendingLength });
      this.#blocks = [];
      this.#pieces = [];
      this.#pendingLength = 0;
      this.#discarding = true;
      return;
    }
    this.#pieces.push(text);
    if (this.#pieces.length >= PIECES_PER_BLOCK) {
      this.#blocks.push(this.#pieces.join(''));
      this.#pieces = [];
    }
  }

  #takePartial(): string {
    const line =
      this.#blocks.length === 0
        ? this.#pieces.join('')
        : this.#blocks.join('') + this.#pieces.join('');
    this.#blocks = [];
    this.#pieces = [];
    this.#pendingLength = 0;
    return line;
  }

  #emitLine(line: string, events: O2gEvent[]): void {
    // Real events start with '{'; anything else is checked for being blank (or a lone '\r').
    if (line.charCodeAt(0) !== OPEN_BRACE && line.trim() === '') return;
    if (line.length > this.#maxLineLength) {
      this.#onMalformed({ reason: 'line-too-long', length: line.length });
      return;
    }
    const result = parseEvent(line);
    if (result.ok) events.push(result.event);
    else this.#onMalformed({ reason: result.reason, length: line.length });
  }
}
