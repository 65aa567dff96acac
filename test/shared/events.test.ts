/**
 * The tolerant line parser and the open event union: envelope checks, unknown names and fields
 * kept, error texts that never quote the line.
 */
import { describe, expect, it } from 'vitest';
import { knownEvent, parseEvent } from '../../shared/events/index.js';
import { CR_LINE, E2_LINE, ES_LINE } from './fixtures.js';

describe('parseEvent', () => {
  it('returns the object exactly as sent, unknown fields included', () => {
    const line = E2_LINE.replace('"anonymous":false', '"anonymous":false,"futureField":{"x":[1]}');
    const result = parseEvent(line);
    expect(result).toEqual({ ok: true, event: JSON.parse(line) });
  });

  it('accepts surrounding whitespace and a trailing CR', () => {
    expect(parseEvent(`  ${ES_LINE}\r`).ok).toBe(true);
  });

  it('accepts an event without loginName (channel information)', () => {
    expect(parseEvent('{"eventName":"OnChannelInformation","text":"Chunk started"}')).toEqual({
      ok: true,
      event: { eventName: 'OnChannelInformation', text: 'Chunk started' },
    });
  });

  it.each([
    ['{"eventName":"OnCallRemoved","loginName":"oxe31001","callRef":7001}', 'invalid-field'],
    ['{"eventName":"OnCallModified","loginName":"oxe31001"}', 'invalid-field'],
    ['{"eventName":["OnCallRemoved"]}', 'missing-event-name'],
    ['null', 'not-an-object'],
    ['', 'invalid-json'],
    [CR_LINE.slice(0, -1), 'invalid-json'],
  ])('rejects %s as %s', (line, reason) => {
    const result = parseEvent(line);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe(reason);
  });

  it('never quotes the line in its error text', () => {
    const secret = 'Hélène-0240123456-Tr0mbone';
    for (const line of [
      `{"eventName":"OnCallCreated","x":"${secret}"`,
      `["${secret}"]`,
      `{"who":"${secret}"}`,
      `{"eventName":"${secret}","loginName":{"a":"${secret}"}}`,
      `{"eventName":"OnCallCreated","callRef":{"${secret}":1}}`,
    ]) {
      const result = parseEvent(line);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error).not.toContain('Hélène');
        expect(result.error).not.toContain('0240');
        expect(result.error).not.toContain('Tr0mbone');
      }
    }
  });
});

describe('knownEvent', () => {
  it('narrows known names and leaves unknown ones out', () => {
    const known = parseEvent(ES_LINE);
    const unknown = parseEvent('{"eventName":"OnCallParked","callRef":"1"}');
    if (!known.ok || !unknown.ok) throw new Error('fixture lines must parse');
    expect(knownEvent(known.event)?.eventName).toBe('OnEventSummaryUpdated');
    expect(knownEvent(unknown.event)).toBeUndefined();
  });

  it('accepts both spellings of the hunting-group event', () => {
    for (const eventName of ['OnDynamicStateChanged', 'OnDynamicStateModified']) {
      expect(knownEvent({ eventName })).toBeDefined();
    }
  });
});
