/**
 * The event stream decoder against field reports F1, F2, F3 with the report's exact bytes, and
 * its guarantees: any chunking, CRLF, blank lines, malformed and over-long lines skipped and
 * reported without content, end-of-stream flush, reset between connections.
 */
import { describe, expect, it } from 'vitest';
import type { O2gEvent } from '../../shared/events/index.js';
import { EventStreamDecoder } from '../../shared/stream/index.js';
import type { MalformedLine } from '../../shared/stream/index.js';
import { bytesOf, concatBytes, E1, E2, ES, ES_LINE, US, US_LINE, E1_LINE } from './fixtures.js';

function decoderWithLog() {
  const malformed: MalformedLine[] = [];
  const decoder = new EventStreamDecoder({ onMalformed: (line) => malformed.push(line) });
  return { decoder, malformed };
}

/** Feeds each chunk, then ends the stream; returns every event in order. */
function decodeAll(decoder: EventStreamDecoder, chunks: readonly Uint8Array[]): O2gEvent[] {
  const events = chunks.flatMap((chunk) => decoder.push(chunk));
  return [...events, ...decoder.end()];
}

function oneByteChunks(bytes: Uint8Array): Uint8Array[] {
  return Array.from(bytes, (_, index) => bytes.subarray(index, index + 1));
}

const callerName = (event: O2gEvent | undefined) => {
  const participants = (event as { participants?: { identity?: Record<string, unknown> }[] })
    ?.participants;
  const identity = participants?.[0]?.identity;
  return `${String(identity?.['firstName'])} ${String(identity?.['lastName'])}`;
};

describe('F1: an event split across reads', () => {
  it('joins E1 split at byte 148 and delivers ES after it', () => {
    const { decoder, malformed } = decoderWithLog();
    expect(decoder.push(E1.subarray(0, 148))).toEqual([]);
    const afterSecond = decoder.push(E1.subarray(148, 322));
    const afterThird = decoder.push(ES);

    expect(afterSecond.map((e) => e.eventName)).toEqual(['OnCallCreated']);
    expect(afterSecond[0]).toEqual(JSON.parse(E1_LINE));
    expect(afterThird).toEqual([JSON.parse(ES_LINE)]);
    expect(malformed).toEqual([]);
  });

  it('delivers E1 sent without its LF once the LF arrives alone', () => {
    const { decoder, malformed } = decoderWithLog();
    expect(decoder.push(E1.subarray(0, 321))).toEqual([]);
    expect(decoder.push(bytesOf('\n'))).toEqual([JSON.parse(E1_LINE)]);
    expect(malformed).toEqual([]);
  });

  it('delivers E1 fed as 322 one-byte chunks, exactly once, on the last byte', () => {
    const { decoder, malformed } = decoderWithLog();
    const chunks = oneByteChunks(E1);
    expect(chunks).toHaveLength(322);
    const perChunk = chunks.map((chunk) => decoder.push(chunk).length);
    expect(perChunk.slice(0, 321).every((count) => count === 0)).toBe(true);
    expect(perChunk[321]).toBe(1);
    expect(decoder.end()).toEqual([]);
    expect(malformed).toEqual([]);
  });
});

describe('F2: a UTF-8 character split across reads', () => {
  it('decodes "Hélène Le Bihan" when E2 is cut after byte 249 (ends with 0xC3)', () => {
    const { decoder, malformed } = decoderWithLog();
    const first = E2.subarray(0, 250);
    expect(first[249]).toBe(0xc3);
    const events = decodeAll(decoder, [first, E2.subarray(250)]);

    expect(events).toHaveLength(1);
    expect(callerName(events[0])).toBe('Hélène Le Bihan');
    expect(JSON.stringify(events)).not.toMatch(/\uFFFD|Ã/);
    expect(JSON.stringify(events)).toContain('"+33298765432"');
    expect(malformed).toEqual([]);
  });

  it('decodes a 4-byte emoji split after its second byte', () => {
    const line = E1_LINE.replace('"Marc"', '"Marc 🎺"');
    const bytes = bytesOf(`${line}\n`);
    const emojiAt = bytes.indexOf(0xf0);
    const { decoder, malformed } = decoderWithLog();
    const events = decodeAll(decoder, [
      bytes.subarray(0, emojiAt + 2),
      bytes.subarray(emojiAt + 2),
    ]);

    expect(callerName(events[0])).toBe('Marc 🎺 Olivier');
    expect(malformed).toEqual([]);
  });

  it('lets no byte of a stream cut after byte 249 leak into the next stream', () => {
    const { decoder, malformed } = decoderWithLog();
    expect(decoder.push(E2.subarray(0, 250))).toEqual([]);
    decoder.reset();
    const events = decodeAll(decoder, [E2]);

    expect(events).toHaveLength(1);
    expect(callerName(events[0])).toBe('Hélène Le Bihan');
    expect(JSON.stringify(events)).not.toContain('\uFFFD');
    expect(malformed).toEqual([]);
  });

  it('turns a character cut by the end of the stream into U+FFFD inside its line', () => {
    const { decoder } = decoderWithLog();
    const line = bytesOf('{"eventName":"OnChannelInformation","text":"é"}');
    const cut = concatBytes(line.subarray(0, line.length - 3), bytesOf('"}'));
    // The é loses its second byte: the line still parses and the damage stays visible.
    const events = decodeAll(decoder, [cut]);
    expect(events).toEqual([{ eventName: 'OnChannelInformation', text: '\uFFFD' }]);
  });
});

describe('F3: several events per read, blank lines, CRLF, last line without LF', () => {
  it('(a) delivers ES, US, then E1 (unterminated) at the end of the stream, in order', () => {
    const { decoder, malformed } = decoderWithLog();
    const chunk = bytesOf(`${ES_LINE}\n${US_LINE}\n${E1_LINE}`);
    const pushed = decoder.push(chunk);
    expect(pushed.map((e) => e.eventName)).toEqual([
      'OnEventSummaryUpdated',
      'OnUserStateModified',
    ]);
    const ended = decoder.end();
    expect(ended).toEqual([JSON.parse(E1_LINE)]);
    expect(malformed).toEqual([]);
  });

  it('(b) skips \\n, \\r\\n, spaces and empty lines, and accepts US ending in \\r\\n', () => {
    const { decoder, malformed } = decoderWithLog();
    const chunks = ['\n', '\r\n', '   \n', `${US_LINE}\r\n`, '\n\n\n'].map(bytesOf);
    const events = decodeAll(decoder, [...chunks, ES]);
    expect(events).toEqual([JSON.parse(US_LINE), JSON.parse(ES_LINE)]);
    expect(malformed).toEqual([]);
  });

  it('treats a CR split from its LF like any other CRLF', () => {
    const { decoder, malformed } = decoderWithLog();
    const events = decodeAll(decoder, [bytesOf(`${US_LINE}\r`), bytesOf('\n'), ES]);
    expect(events.map((e) => e.eventName)).toEqual([
      'OnUserStateModified',
      'OnEventSummaryUpdated',
    ]);
    expect(malformed).toEqual([]);
  });

  it('gives the same events for every way of cutting the F3 stream in two', () => {
    const stream = concatBytes(bytesOf('\r\n   \n'), US, bytesOf('\n\n'), E2, ES);
    const expected = decodeAll(new EventStreamDecoder(), [stream]);
    expect(expected.map((e) => e.eventName)).toEqual([
      'OnUserStateModified',
      'OnCallCreated',
      'OnEventSummaryUpdated',
    ]);
    const decoder = new EventStreamDecoder();
    for (let cut = 0; cut <= stream.length; cut += 1) {
      expect(decodeAll(decoder, [stream.subarray(0, cut), stream.subarray(cut)])).toEqual(expected);
    }
  });
});

describe('any chunking', () => {
  /** A small deterministic generator, so a failure can be replayed. */
  function chunker(seed: number) {
    let value = seed;
    return (max: number) => {
      value = (value * 1103515245 + 12345) % 2 ** 31;
      return 1 + (value % max);
    };
  }

  it('gives the whole-buffer events for 200 random cuttings of a mixed stream', () => {
    const mixed = concatBytes(
      E2,
      bytesOf('\r\n  \n'),
      bytesOf(`${E1_LINE.replace('Marc', 'Zoë 🎺 Ødegård')}\r\n`),
      ES,
      bytesOf('{broken\n'),
      US,
    );
    const reference = decodeAll(new EventStreamDecoder(), [mixed]);
    expect(reference).toHaveLength(4);
    const decoder = new EventStreamDecoder();
    for (let seed = 1; seed <= 200; seed += 1) {
      const next = chunker(seed);
      const chunks: Uint8Array[] = [];
      for (let at = 0; at < mixed.length;) {
        const size = next(seed % 2 === 0 ? 8 : 64);
        chunks.push(mixed.subarray(at, at + size));
        at += size;
      }
      expect(decodeAll(decoder, chunks)).toEqual(reference);
    }
  });
});

describe('malformed lines', () => {
  const secret = 'Tr0mbone!Quiet#42';
  const cases: [string, MalformedLine['reason']][] = [
    [`{"eventName":"OnCallCreated","callRef":"1","x":"${secret}"`, 'invalid-json'],
    [`["${secret}"]`, 'not-an-object'],
    [`"${secret}"`, 'not-an-object'],
    [`{"text":"${secret}"}`, 'missing-event-name'],
    [`{"eventName":"","text":"${secret}"}`, 'missing-event-name'],
    [`{"eventName":"OnCallCreated","loginName":"${secret}"}`, 'invalid-field'],
    [`{"eventName":"OnUserStateModified","loginName":42,"state":"${secret}"}`, 'invalid-field'],
  ];

  it.each(cases)('reports %s once as %s, without content, and goes on', (line, reason) => {
    const { decoder, malformed } = decoderWithLog();
    const events = decodeAll(decoder, [US, bytesOf(`${line}\r\n`), ES]);

    expect(events.map((e) => e.eventName)).toEqual([
      'OnUserStateModified',
      'OnEventSummaryUpdated',
    ]);
    expect(malformed).toEqual([{ reason, length: line.length + 1 }]);
    expect(JSON.stringify(malformed)).not.toContain(secret);
  });

  it('goes on when the malformed-line reporter itself throws', () => {
    const decoder = new EventStreamDecoder({
      onMalformed: () => {
        throw new Error('logger down');
      },
    });
    const events = decodeAll(decoder, [concatBytes(bytesOf('{oops\n'), US, ES)]);
    expect(events.map((e) => e.eventName)).toEqual([
      'OnUserStateModified',
      'OnEventSummaryUpdated',
    ]);
  });

  it('reports an unterminated malformed last line at the end of the stream', () => {
    const { decoder, malformed } = decoderWithLog();
    expect(decodeAll(decoder, [US, bytesOf('{"eventName":"OnCallRem')])).toHaveLength(1);
    expect(malformed).toEqual([{ reason: 'invalid-json', length: 23 }]);
  });

  it('keeps unknown events and unknown fields whole', () => {
    const line =
      '{"eventName":"OnSomethingNew","loginName":"oxe31001","nested":{"a":[1,2]},"n":null}';
    const events = decodeAll(new EventStreamDecoder(), [bytesOf(line)]);
    expect(events).toEqual([JSON.parse(line)]);
  });
});

describe('line length guard', () => {
  const long = `{"eventName":"OnChannelInformation","text":"${'x'.repeat(500)}"}`;

  it('drops an over-long line that arrives in one read and reports it once', () => {
    const { malformed } = decoderWithLog();
    const decoder = new EventStreamDecoder({
      maxLineLength: 100,
      onMalformed: (m) => malformed.push(m),
    });
    const events = decodeAll(decoder, [concatBytes(bytesOf(`${long}\n`), US)]);
    expect(events.map((e) => e.eventName)).toEqual(['OnUserStateModified']);
    expect(malformed).toEqual([{ reason: 'line-too-long', length: long.length }]);
  });

  it('drops an over-long line fed byte by byte without holding it, then resumes', () => {
    const malformed: MalformedLine[] = [];
    const decoder = new EventStreamDecoder({
      maxLineLength: 100,
      onMalformed: (m) => malformed.push(m),
    });
    const stream = concatBytes(bytesOf(`${long}\n`), US, bytesOf(long));
    const events = decodeAll(decoder, oneByteChunks(stream));
    expect(events.map((e) => e.eventName)).toEqual(['OnUserStateModified']);
    expect(malformed).toEqual([
      { reason: 'line-too-long', length: 101 },
      { reason: 'line-too-long', length: 101 },
    ]);
  });

  it('accepts a line of exactly the limit', () => {
    const line = `{"eventName":"OnChannelInformation","text":"${'y'.repeat(54)}"}`;
    expect(line).toHaveLength(100);
    const decoder = new EventStreamDecoder({ maxLineLength: 100 });
    expect(decodeAll(decoder, oneByteChunks(bytesOf(line)))).toHaveLength(1);
  });
});

describe('stream lifecycle', () => {
  it('is ready for a new stream after end()', () => {
    const decoder = new EventStreamDecoder();
    expect(decodeAll(decoder, [E1.subarray(0, 321)])).toHaveLength(1);
    expect(decodeAll(decoder, [US])).toEqual([JSON.parse(US_LINE)]);
  });

  it('forgets a partial line on reset()', () => {
    const { decoder, malformed } = decoderWithLog();
    decoder.push(bytesOf('{"eventName":"OnUserStateMod'));
    decoder.reset();
    expect(decodeAll(decoder, [US])).toEqual([JSON.parse(US_LINE)]);
    expect(malformed).toEqual([]);
  });

  it('drops a byte-order mark at the start of a stream', () => {
    const events = decodeAll(new EventStreamDecoder(), [
      new Uint8Array([0xef, 0xbb]),
      concatBytes(new Uint8Array([0xbf]), US),
    ]);
    expect(events).toEqual([JSON.parse(US_LINE)]);
  });

  it('decodes a 1 MB event fed one byte at a time', () => {
    const text = `{"eventName":"OnChannelInformation","text":"${'é'.repeat(512 * 1024)}"}\n`;
    const bytes = bytesOf(text);
    expect(bytes.length).toBeGreaterThan(1024 * 1024);
    const decoder = new EventStreamDecoder();
    let events: O2gEvent[] = [];
    for (let index = 0; index < bytes.length; index += 1) {
      const out = decoder.push(bytes.subarray(index, index + 1));
      if (out.length > 0) events = out;
    }
    expect(events).toHaveLength(1);
    expect((events[0] as { text?: string }).text).toHaveLength(512 * 1024);
  });
});
