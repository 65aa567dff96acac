/**
 * The event envelope: the open union of everything the event channel may carry and the tolerant
 * per-line parser. Pure code, runs anywhere (engine, terminal, tests, benchmarks).
 */
import type { TelephonyEvent } from './telephony.js';
import type {
  OnChannelInformation,
  OnEventSummaryUpdated,
  OnRoutingStateChanged,
  OnUserCreated,
  OnUserDeleted,
  OnUserInfoChanged,
} from './other-packages.js';

export type KnownEvent =
  | TelephonyEvent
  | OnEventSummaryUpdated
  | OnRoutingStateChanged
  | OnUserInfoChanged
  | OnUserCreated
  | OnUserDeleted
  | OnChannelInformation;

/** An event whose name we do not know: kept whole so a newer gateway never breaks us. */
export interface UnrecognisedEvent {
  readonly eventName: string;
  readonly loginName?: string;
  readonly [field: string]: unknown;
}

/** Anything the event channel delivers: a known event or an unrecognised one. */
export type O2gEvent = KnownEvent | UnrecognisedEvent;

export type KnownEventName = KnownEvent['eventName'];

const KNOWN_NAMES: ReadonlySet<string> = new Set<KnownEventName>([
  'OnCallCreated',
  'OnCallModified',
  'OnCallRemoved',
  'OnUserStateModified',
  'OnDeviceStateModified',
  'OnDynamicStateChanged',
  'OnDynamicStateModified',
  'OnTelephonyState',
  'OnEventSummaryUpdated',
  'OnRoutingStateChanged',
  'OnUserInfoChanged',
  'OnUserCreated',
  'OnUserDeleted',
  'OnChannelInformation',
]);

/** Events that are about one call and are useless without its reference. */
const CALL_EVENTS: ReadonlySet<string> = new Set([
  'OnCallCreated',
  'OnCallModified',
  'OnCallRemoved',
]);

/**
 * Narrows to the known union so a `switch` on `eventName` types each branch. An unrecognised
 * name gives undefined: callers ignore it.
 */
export function knownEvent(event: O2gEvent): KnownEvent | undefined {
  return KNOWN_NAMES.has(event.eventName) ? (event as KnownEvent) : undefined;
}

/** Why a line was rejected; stable codes for logs and counters. */
export type MalformedReason =
  'invalid-json' | 'not-an-object' | 'missing-event-name' | 'invalid-field' | 'line-too-long';

export type ParseResult =
  | { readonly ok: true; readonly event: O2gEvent }
  | { readonly ok: false; readonly reason: MalformedReason; readonly error: string };

function reject(reason: MalformedReason, error: string): ParseResult {
  return { ok: false, reason, error };
}

/**
 * Parses one line of the event channel. Checks the envelope only (a JSON object with a non-empty
 * string `eventName`, a string `loginName` when present, a string `callRef` for call events) and
 * keeps every other field as sent; nested fields are read defensively by the presence model.
 * The error text never quotes the line: it may hold caller names and numbers, and the engine logs it.
 */
export function parseEvent(line: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    // The engine's message quotes the input; ours must not.
    return reject('invalid-json', 'line is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return reject('not-an-object', 'line is JSON but not an object');
  }

  const record = value as Record<string, unknown>;
  const eventName = record['eventName'];
  if (typeof eventName !== 'string' || eventName === '') {
    return reject('missing-event-name', 'object has no string eventName');
  }
  const loginName = record['loginName'];
  if (loginName !== undefined && typeof loginName !== 'string') {
    return reject('invalid-field', 'loginName is not a string');
  }
  if (CALL_EVENTS.has(eventName) && typeof record['callRef'] !== 'string') {
    // eventName is one of our own constants here, so naming it leaks nothing.
    return reject('invalid-field', `${eventName} has no string callRef`);
  }
  return { ok: true, event: record as O2gEvent };
}
