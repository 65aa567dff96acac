/**
 * Decoder and presence model together, as the engine uses them: the field reports' byte
 * sequences (F1, F2, F3) end in the alerts, counters and tray the report calls right.
 */
import { describe, expect, it } from 'vitest';
import type { O2gEvent } from '../../shared/events/index.js';
import { diffAlerts, reducePresence, toPresenceView } from '../../shared/presence/index.js';
import type { AlertChange, PresenceState, PresenceView } from '../../shared/presence/index.js';
import { EventStreamDecoder } from '../../shared/stream/index.js';
import type { MalformedLine } from '../../shared/stream/index.js';
import { bytesOf, E1, E1_LINE, E2, ES, US_LINE } from './fixtures.js';
import { onlineState } from './presence-harness.js';

interface Outcome {
  readonly view: PresenceView;
  readonly changes: AlertChange[];
  readonly malformed: MalformedLine[];
  /** The tray after each event, in order. */
  readonly trays: string[];
}

/** Pipes chunks through one decoder into the model, ending the stream after the last chunk. */
function feed(chunks: readonly Uint8Array[], endStream = true): Outcome {
  const malformed: MalformedLine[] = [];
  const decoder = new EventStreamDecoder({ onMalformed: (line) => malformed.push(line) });
  const changes: AlertChange[] = [];
  const trays: string[] = [];
  let state: PresenceState = onlineState();
  const apply = (events: O2gEvent[]) => {
    for (const event of events) {
      const next = reducePresence(state, event, 1000);
      changes.push(...diffAlerts(state, next));
      trays.push(toPresenceView(next).tray);
      state = next;
    }
  };
  for (const chunk of chunks) apply(decoder.push(chunk));
  if (endStream) apply(decoder.end());
  return { view: toPresenceView(state), changes, malformed, trays };
}

function expectF1(outcome: Outcome): void {
  expect(outcome.changes).toHaveLength(1);
  expect(outcome.changes[0]).toMatchObject({
    action: 'show',
    alert: { callRef: '7001', caller: { name: 'Marc Olivier', number: '0240123456' } },
  });
  expect(outcome.view.counters).toMatchObject({
    missedCalls: 3,
    voiceMessages: 1,
    eventWaiting: true,
  });
  expect(outcome.malformed).toEqual([]);
}

const oneByOne = (bytes: Uint8Array) => Array.from(bytes, (_, i) => bytes.subarray(i, i + 1));

describe('F1 end to end', () => {
  it('chunks 0-147, 148-321, ES: one alert for Marc Olivier and the counters', () => {
    expectF1(feed([E1.subarray(0, 148), E1.subarray(148), ES], false));
  });

  it('E1 without its LF, then the LF alone, then ES', () => {
    expectF1(feed([E1.subarray(0, 321), bytesOf('\n'), ES], false));
  });

  it('E1 as 322 one-byte chunks, then ES', () => {
    expectF1(feed([...oneByOne(E1), ES], false));
  });
});

describe('F2 end to end', () => {
  it('shows exactly "Hélène Le Bihan" and "+33298765432"', () => {
    const outcome = feed([E2.subarray(0, 250), E2.subarray(250)]);
    expect(outcome.view.alerts[0]?.caller).toMatchObject({
      name: 'Hélène Le Bihan',
      number: '+33298765432',
    });
    expect(JSON.stringify(outcome.view)).not.toMatch(/\uFFFD|Ã/);
  });
});

describe('F3 end to end', () => {
  it('(a) applies counters, then BUSY, then the alert for 7001 by the end of the stream', () => {
    const outcome = feed([bytesOf(`${new TextDecoder().decode(ES)}${US_LINE}\n${E1_LINE}`)]);
    expect(outcome.trays).toEqual(['unknown', 'busy', 'ringing']);
    expect(outcome.view.counters.missedCalls).toBe(3);
    expect(outcome.changes.map((c) => c.action)).toEqual(['show']);
    expect(outcome.malformed).toEqual([]);
  });

  it('(b) blank lines and CRLF cause no error', () => {
    const chunks = ['\n', '\r\n', '   \n', `${US_LINE}\r\n`, '\n\n\n'].map(bytesOf);
    const outcome = feed([...chunks, ES]);
    expect(outcome.trays).toEqual(['busy', 'busy']);
    expect(outcome.view.userState).toBe('BUSY');
    expect(outcome.view.counters.voiceMessages).toBe(1);
    expect(outcome.malformed).toEqual([]);
  });
});
