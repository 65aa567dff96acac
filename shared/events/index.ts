/** Public face of the O2G event types and the line parser. Pure, runs anywhere. */
export type * from './common.js';
export type * from './telephony.js';
export type * from './other-packages.js';
export type {
  KnownEvent,
  KnownEventName,
  MalformedReason,
  O2gEvent,
  ParseResult,
  UnrecognisedEvent,
} from './event.js';
export { knownEvent, parseEvent } from './event.js';
