/**
 * Exact fixtures from field-reports.md (user oxe31001): the event lines E1, E2, ES, US, CR as
 * UTF-8 bytes, and small builders for the wire-shaped events the model tests feed. The byte
 * counts and offsets the report states are asserted in fixtures.test.ts.
 */
import type { O2gEvent } from '../../shared/events/index.js';

export const LOGIN = 'oxe31001';
export const EXTENSION = '31001';

const encoder = new TextEncoder();

export function bytesOf(text: string): Uint8Array {
  return encoder.encode(text);
}

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

function incomingCallLine(callRef: string, number: string, first: string, last: string): string {
  return (
    `{"eventName":"OnCallCreated","loginName":"oxe31001","callRef":"${callRef}",` +
    `"legs":[{"deviceId":"31001","state":"RINGING_INCOMING","ringingRemote":false}],` +
    `"participants":[{"participantId":"p-1","identity":{"id":{"phoneNumber":"${number}"},` +
    `"firstName":"${first}","lastName":"${last}","type":{"main":"EXTERNAL"}},"anonymous":false}]}`
  );
}

/** Incoming external call, 322 bytes with its LF. */
export const E1_LINE = incomingCallLine('7001', '0240123456', 'Marc', 'Olivier');
export const E1 = bytesOf(`${E1_LINE}\n`);

/** E1 with an accented name and an international number, 329 bytes with its LF. */
export const E2_LINE = incomingCallLine('7002', '+33298765432', 'Hélène', 'Le Bihan');
export const E2 = bytesOf(`${E2_LINE}\n`);

export const ES_LINE =
  '{"eventName":"OnEventSummaryUpdated","loginName":"oxe31001","eventSummary":{"missedCallsNb":3,"voiceMessagesNb":1,"eventWaiting":true}}';
export const US_LINE = '{"eventName":"OnUserStateModified","loginName":"oxe31001","state":"BUSY"}';
export const CR_LINE =
  '{"eventName":"OnCallRemoved","loginName":"oxe31001","callRef":"7001","cause":"NOT_ANSWERED"}';

export const ES = bytesOf(`${ES_LINE}\n`);
export const US = bytesOf(`${US_LINE}\n`);
export const CR = bytesOf(`${CR_LINE}\n`);

/** Parses a fixture line into the event the decoder would produce. */
export function eventOf(line: string): O2gEvent {
  return JSON.parse(line) as O2gEvent;
}

/** Builds an event object (as the decoder would deliver it) for model tests. */
export function event(eventName: string, fields: Record<string, unknown> = {}): O2gEvent {
  return { eventName, loginName: LOGIN, ...fields } as O2gEvent;
}
