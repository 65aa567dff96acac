/** Public face of the event stream decoder. Pure, runs anywhere. */
export { DEFAULT_MAX_LINE_LENGTH, EventStreamDecoder } from './event-stream-decoder.js';
export type { EventStreamDecoderOptions, MalformedLine } from './event-stream-decoder.js';
